import { randomInt } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IMPORT_MAX_ROWS, ImportRowError, ImportSummary } from '@cohort/contracts';
import { IDENTITY, IdentityError } from '../identity.errors';
import { personKey } from '../people/person.schema';
import { mapColumns, rowFields } from './import-columns';
import { ImportFormat, SheetRow, sheetRows } from './import-file';
import { CheckedRow, RowChecker } from './import-row';
import { StagedInvitee, stagedUserId } from './staged-invitee.schema';
import { StagedInviteesRepository } from './staged-invitees.repository';

/** An uploaded people file to parse and stage for `invite-users`. */
export class StageImport {
  constructor(
    readonly tenantId: string,
    readonly file: Buffer,
    readonly format: ImportFormat,
  ) {}
}

/** Rows per insert. */
export const STAGE_BATCH = 1000;
/** Row errors listed in the summary. */
export const SUMMARY_ERRORS = 100;

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A short random import id: 12 base36 characters (62 bits). */
export function newImportId(): string {
  return Array.from({ length: 12 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('');
}

/**
 * Parses the file row by row, checks each row and stages every data row (invalid ones with their
 * error) in batches as it goes, writing one batch while parsing the next: memory holds two batches and
 * the set of e-mails seen. A file that turns out unreadable or too long half-way leaves nothing staged.
 */
@CommandHandler(StageImport)
export class StageImportHandler implements ICommandHandler<StageImport, ImportSummary> {
  private readonly log = new Logger(StageImportHandler.name);

  constructor(private readonly staged: StagedInviteesRepository) {}

  async execute({ tenantId, file, format }: StageImport): Promise<ImportSummary> {
    const started = Date.now();
    const importId = newImportId();
    const createdAt = new Date();
    await this.staged.purgeExpired(tenantId, createdAt);
    const summary: ImportSummary = { importId, rows: 0, valid: 0, invalid: 0, errors: [] };
    let inserting: Promise<void> = Promise.resolve();
    try {
      let batch: StagedInvitee[] = [];
      for await (const { row, checked } of checkedRows(sheetRows(file, format))) {
        batch.push(stagedRow(tenantId, importId, row, checked, createdAt));
        count(summary, row, checked);
        if (batch.length < STAGE_BATCH) continue;
        await inserting; // one batch is written while the next one is parsed
        inserting = this.staged.insert(batch);
        inserting.catch(() => undefined); // handled by the next await, not left to crash the process meanwhile
        batch = [];
      }
      await inserting;
      await this.staged.insert(batch);
    } catch (err) {
      await inserting.catch(() => undefined);
      await this.staged.discard(tenantId, importId);
      throw err;
    }
    this.log.log({
      msg: 'import staged',
      tenantId,
      importId,
      format,
      bytes: file.length,
      rows: summary.rows,
      invalid: summary.invalid,
      ms: Date.now() - started,
    });
    return summary;
  }
}

/** The data rows of a sheet, checked: the first row is the header; more than IMPORT_MAX_ROWS is a 413. */
export async function* checkedRows(rows: AsyncIterable<SheetRow>): AsyncGenerator<{ row: number; checked: CheckedRow }> {
  const checker = new RowChecker();
  let columns: ReturnType<typeof mapColumns> | undefined;
  let count = 0;
  for await (const { row, cells } of rows) {
    if (!columns) {
      columns = mapColumns(cells);
      continue;
    }
    if (++count > IMPORT_MAX_ROWS) throw new IdentityError(IDENTITY.IMPORT_TOO_LARGE, `the file has more than ${IMPORT_MAX_ROWS} rows`, 'file');
    yield { row, checked: checker.check(row, rowFields(cells, columns)) };
  }
  if (!columns) throw new IdentityError(IDENTITY.IMPORT_UNREADABLE, 'the file has no header row', 'file');
}

export function stagedRow(tenantId: string, importId: string, row: number, checked: CheckedRow, createdAt: Date): StagedInvitee {
  const base = { _id: personKey(tenantId, stagedUserId(importId, row)), tenantId, importId, row, createdAt };
  return checked.ok ? { ...base, ...checked.invitee } : { ...base, error: checked.error };
}

function count(summary: ImportSummary, row: number, checked: CheckedRow): void {
  summary.rows++;
  if (checked.ok) return void summary.valid++;
  summary.invalid++;
  if (summary.errors.length < SUMMARY_ERRORS) summary.errors.push({ row, ...checked.error } satisfies ImportRowError);
}
