import { randomInt } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IMPORT_MAX_ROWS, ImportPurpose, ImportRowError, ImportSummary, SELECT_IMPORT_PREFIX } from '@cohort/contracts';
import { IDENTITY, IdentityError } from '../identity.errors';
import { PeopleRepository } from '../people/people.repository';
import { personKey } from '../people/person.schema';
import { mapColumns, RawRow, rowFields } from './import-columns';
import { ImportFormat, SheetRow, sheetRows } from './import-file';
import { CheckedRow, RowChecker, RowError } from './import-row';
import { EmailRowChecker, matchRow, selectedRow } from './select-rows';
import { StagedInvitee, stagedUserId } from './staged-invitee.schema';
import { StagedInviteesRepository } from './staged-invitees.repository';

/** An uploaded people file to parse and stage: people to invite, or existing people to select by e-mail. */
export class StageImport {
  constructor(
    readonly tenantId: string,
    readonly file: Buffer,
    readonly format: ImportFormat,
    readonly purpose: ImportPurpose = 'invite',
  ) {}
}

/** Rows per insert (and per e-mail look-up of a select import). */
export const STAGE_BATCH = 1000;
/** Row errors listed in the summary. */
export const SUMMARY_ERRORS = 100;

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A short random import id: 12 base36 characters (62 bits), after SELECT_IMPORT_PREFIX for a select
 * import, so intake can tell which actions may use it from the id alone.
 */
export function newImportId(purpose: ImportPurpose = 'invite'): string {
  const id = Array.from({ length: 12 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
  return purpose === 'select' ? `${SELECT_IMPORT_PREFIX}${id}` : id;
}

/** A data row of the file with its fields as read. */
export interface DataRow {
  row: number;
  raw: RawRow;
}

/** What became of one data row: the document to stage (if any) and the row's error (if invalid). */
interface StagedVerdict {
  row: number;
  staged?: StagedInvitee;
  error?: RowError;
}

type BatchStager = (batch: DataRow[]) => Promise<StagedVerdict[]>;

/**
 * Parses the file row by row and stages it in batches as it goes, writing one batch while parsing the
 * next: memory holds two batches and the set of e-mails seen. An invite import stages every data row
 * (invalid ones with their error); a select import looks each batch's e-mails up among the tenant's people
 * (one query per batch) and stages the matched rows with the person's user id. A file that turns out
 * unreadable or too long half-way leaves nothing staged.
 */
@CommandHandler(StageImport)
export class StageImportHandler implements ICommandHandler<StageImport, ImportSummary> {
  private readonly log = new Logger(StageImportHandler.name);

  constructor(
    private readonly staged: StagedInviteesRepository,
    private readonly people: PeopleRepository,
  ) {}

  async execute({ tenantId, file, format, purpose }: StageImport): Promise<ImportSummary> {
    const started = Date.now();
    await readWhole(file, format);
    const importId = newImportId(purpose);
    const createdAt = new Date();
    await this.staged.purgeExpired(tenantId, createdAt);
    const summary: ImportSummary = { importId, purpose, rows: 0, valid: 0, invalid: 0, errors: [] };
    const stage = purpose === 'select' ? this.selectStager(tenantId, importId, createdAt) : inviteStager(tenantId, importId, createdAt);
    let inserting: Promise<void> = Promise.resolve();
    try {
      for await (const batch of batches(dataRows(sheetRows(file, format)), STAGE_BATCH)) {
        const verdicts = await stage(batch);
        for (const verdict of verdicts) count(summary, verdict);
        await inserting; // one batch is written while the next one is parsed
        inserting = this.staged.insert(verdicts.flatMap((v) => (v.staged ? [v.staged] : [])));
        inserting.catch(() => undefined); // handled by the next await, not left to crash the process meanwhile
      }
      await inserting;
    } catch (err) {
      await inserting.catch(() => undefined);
      await this.staged.discard(tenantId, importId);
      throw err;
    }
    this.log.log({
      msg: 'import staged',
      tenantId,
      importId,
      purpose,
      format,
      bytes: file.length,
      rows: summary.rows,
      invalid: summary.invalid,
      ms: Date.now() - started,
    });
    return summary;
  }

  /** Select import: e-mails checked row by row, then matched against the tenant's people a batch at a time. */
  private selectStager(tenantId: string, importId: string, createdAt: Date): BatchStager {
    const checker = new EmailRowChecker();
    return async (batch) => {
      const checked = batch.map(({ row, raw }) => ({ row, checked: checker.check(row, raw) }));
      const holders = await this.holders(
        tenantId,
        checked.flatMap(({ checked: c }) => (c.ok ? [c.email] : [])),
      );
      return checked.map(({ row, checked: c }) => {
        const matched = matchRow(c, holders);
        return matched.ok ? { row, staged: selectedRow(tenantId, importId, row, matched, createdAt) } : { row, error: matched.error };
      });
    };
  }

  /**
   * Who in the tenant has these (lowercased) e-mails, whatever their status: one `$in` query on the
   * tenant's unique e-mail index (FerretDB scans the tenant once per batch).
   */
  private async holders(tenantId: string, emails: string[]): Promise<Map<string, string>> {
    if (emails.length === 0) return new Map();
    const found = await this.people.page(tenantId, { tenantId, email: { $in: emails } }, undefined, emails.length);
    return new Map(found.map((p) => [p.email, p.userId]));
  }
}

/** Invite import: every row checked on its own and against the earlier ones, and staged, errors included. */
function inviteStager(tenantId: string, importId: string, createdAt: Date): BatchStager {
  const checker = new RowChecker();
  return async (batch) =>
    batch.map(({ row, raw }) => {
      const checked = checker.check(row, raw);
      return { row, staged: stagedRow(tenantId, importId, row, checked, createdAt), ...(!checked.ok && { error: checked.error }) };
    });
}

/**
 * Reads the file once without staging anything, so that a file refused for its size (past IMPORT_MAX_ROWS)
 * or unreadable further down is refused before any row is written: discarding staged rows is slow on
 * FerretDB (each filtered delete scans the collection) and a refused file should cost the store nothing.
 * Memory stays flat: rows are only counted.
 */
export async function readWhole(file: Buffer, format: ImportFormat): Promise<void> {
  for await (const _row of dataRows(sheetRows(file, format)));
}

/** The data rows of a sheet with their fields: the first row is the header; more than IMPORT_MAX_ROWS is a 413. */
export async function* dataRows(rows: AsyncIterable<SheetRow>): AsyncGenerator<DataRow> {
  let columns: ReturnType<typeof mapColumns> | undefined;
  let count = 0;
  for await (const { row, cells } of rows) {
    if (!columns) {
      columns = mapColumns(cells);
      continue;
    }
    if (++count > IMPORT_MAX_ROWS) throw new IdentityError(IDENTITY.IMPORT_TOO_LARGE, `the file has more than ${IMPORT_MAX_ROWS} rows`, 'file');
    yield { row, raw: rowFields(cells, columns) };
  }
  if (!columns) throw new IdentityError(IDENTITY.IMPORT_UNREADABLE, 'the file has no header row', 'file');
}

/** Items in lists of `size`, each handed on as soon as it is full (the last one may be shorter, never empty). */
export async function* batches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length < size) continue;
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}

export function stagedRow(tenantId: string, importId: string, row: number, checked: CheckedRow, createdAt: Date): StagedInvitee {
  const base = { _id: personKey(tenantId, stagedUserId(importId, row)), tenantId, importId, row, createdAt };
  return checked.ok ? { ...base, ...checked.invitee } : { ...base, error: checked.error };
}

function count(summary: ImportSummary, { row, error }: StagedVerdict): void {
  summary.rows++;
  if (!error) return void summary.valid++;
  summary.invalid++;
  if (summary.errors.length < SUMMARY_ERRORS) summary.errors.push({ row, ...error } satisfies ImportRowError);
}
