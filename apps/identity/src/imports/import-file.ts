import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { stream as excelStream } from 'exceljs';
import { IDENTITY, IdentityError } from '../identity.errors';
import { unpackedChunks } from './xlsx-expansion';

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One non-empty row of a sheet: its number in the file (the first row being 1) and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** Bytes handed to a parser at a time: a parser emits what one slice holds, so memory stays flat. */
const SLICE = 64 * 1024;
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The non-empty rows of an uploaded CSV or XLSX (first worksheet), streamed. Anything the parser
 * cannot read is a 400 IDENTITY.IMPORT_UNREADABLE saying why.
 */
export async function* sheetRows(file: Buffer, format: ImportFormat, stallMs = XLSX_STALL_MS): AsyncGenerator<SheetRow> {
  if (file.length === 0) throw unreadable('the file is empty');
  const rows = format === 'csv' ? csvRows(file) : xlsxRows(file, stallMs);
  try {
    for await (const row of rows) if (row.cells.some((c) => c !== '')) yield row;
  } catch (err) {
    if (err instanceof IdentityError) throw err;
    throw unreadable(`not a readable ${format.toUpperCase()} file: ${(err as Error).message}`);
  }
}

/** Whether bytes look like an XLSX (a zip archive); anything else is taken for CSV. */
export function looksLikeXlsx(file: Buffer): boolean {
  return file.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE);
}

/**
 * The field delimiter of a CSV: ';' when its first line has more semicolons than commas outside
 * quotes (Excel's export in Dutch and other locales that write decimal commas), else ','.
 */
export function csvDelimiter(file: Buffer): ',' | ';' {
  const head = file.subarray(0, SLICE).toString('utf8');
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Rows are counted as a spreadsheet shows them: an empty line is a row, a quoted multi-line cell is not a new one. */
async function* csvRows(file: Buffer): AsyncGenerator<SheetRow> {
  const parser = slices(file).pipe(parse({ delimiter: csvDelimiter(file), bom: true, relax_column_count: true, trim: true }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) yield { row: ++row, cells: record };
}

/**
 * How long reading an XLSX may make no progress (no byte read, no row out) before the file is taken for
 * damaged: exceljs's streaming reader waits forever on an entry whose compressed data is corrupt.
 */
export const XLSX_STALL_MS = 10_000;

async function* xlsxRows(file: Buffer, stallMs: number): AsyncGenerator<SheetRow> {
  if (!looksLikeXlsx(file)) throw unreadable('not an XLSX file (an XLSX is a zip archive)');
  // unpacked once with limits before the workbook reader unpacks it again: a zip bomb never reaches it
  for await (const _chunk of guardStall(unpackedChunks(file), () => 0, stallMs));
  let lastRead = Date.now();
  const source = slices(file, () => (lastRead = Date.now()));
  const workbook = new excelStream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    yield* guardStall(firstWorksheetRows(workbook), () => lastRead, stallMs);
  } finally {
    source.destroy();
  }
}

async function* firstWorksheetRows(workbook: InstanceType<typeof excelStream.xlsx.WorkbookReader>): AsyncGenerator<SheetRow> {
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : []; // exceljs rows are 1-based
      yield { row: row.number, cells: Array.from(values, cellText) };
    }
    return;
  }
  throw unreadable('the workbook has no worksheet');
}

/**
 * The items of `items`, refused as damaged when, while waiting for the next one, neither an item came
 * nor `lastActivity` moved for `stallMs` (time the consumer spends between items does not count).
 */
export async function* guardStall<T>(items: AsyncIterable<T>, lastActivity: () => number, stallMs: number): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  let waitingSince = 0;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setInterval(
      () => {
        if (waitingSince && Date.now() - Math.max(waitingSince, lastActivity()) > stallMs)
          reject(unreadable('the XLSX file is damaged: reading it stopped making progress'));
      },
      Math.min(1000, stallMs / 4),
    );
  });
  stalled.catch(() => undefined); // raced below; never left unhandled
  try {
    for (;;) {
      waitingSince = Date.now();
      const next = await Promise.race([iterator.next(), stalled]);
      waitingSince = 0;
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearInterval(timer);
  }
}

/** A cell's value as text: rich text joined, a hyperlink's (e.g. a mailto's) text, a formula's result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value).trim();
  const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (Array.isArray(v.richText))
    return v.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if (v.text !== undefined) return cellText(v.text);
  if (v.result !== undefined) return cellText(v.result);
  return '';
}

/** The file as a stream of slices; `onRead` is told of each slice taken. */
function slices(file: Buffer, onRead: () => void = () => undefined): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < file.length; at += SLICE) {
        onRead();
        yield file.subarray(at, at + SLICE);
      }
    })(),
  );
}

function unreadable(message: string): IdentityError {
  return new IdentityError(IDENTITY.IMPORT_UNREADABLE, message, 'file');
}
