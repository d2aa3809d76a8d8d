import { createRequire } from 'node:module';
import { Duplex, Readable } from 'node:stream';
import { IDENTITY, IdentityError } from '../identity.errors';

/**
 * The most an XLSX may unpack to, all entries together: four times a 100,000-row, five-column sheet
 * (32 MiB unpacked). A file that unpacks to more is a zip bomb, or no people file.
 */
export const XLSX_MAX_UNPACKED_BYTES = 128 * 1024 * 1024;
/**
 * The longest run of an XML entry without markup (`<` or `>`): one cell's text or attribute. Excel allows
 * 32,767 characters in a cell; a longer run would be held in memory whole by the XML parser.
 */
export const XLSX_MAX_TEXT_RUN = 1024 * 1024;
/** The most entries an XLSX may have (a workbook has a dozen or so). */
export const XLSX_MAX_ENTRIES = 1000;

interface ZipEntry extends Readable {
  path: string;
  autodrain(): void;
}

/**
 * exceljs's own unzip parser (unzipper), resolved from exceljs, so this check reads the archive exactly as
 * the workbook reader will: entry by entry from the local headers, whatever a central directory claims.
 */
const unzipper = createRequire(require.resolve('exceljs'))('unzipper') as { Parse(options: { forceStream: true }): Duplex };

export interface ExpansionLimits {
  maxBytes: number;
  maxTextRun: number;
  maxEntries: number;
}

const LIMITS: ExpansionLimits = { maxBytes: XLSX_MAX_UNPACKED_BYTES, maxTextRun: XLSX_MAX_TEXT_RUN, maxEntries: XLSX_MAX_ENTRIES };

/**
 * The decompressed chunks of every entry of a zip archive, in file order, with the limits applied as they
 * stream by: nothing is kept, so memory stays flat however far the archive would expand, and reading stops
 * at the first byte past a limit (413 IDENTITY.IMPORT_TOO_LARGE naming it).
 */
export async function* unpackedChunks(file: Buffer, limits: ExpansionLimits = LIMITS): AsyncGenerator<number> {
  // a cut-off file would leave the parser waiting for the rest of an entry: refuse it at once
  if (!endsWithEndOfArchive(file)) throw new Error('the archive is truncated: it has no end-of-archive record');
  const zip = unzipper.Parse({ forceStream: true });
  const source = Readable.from([file]);
  source.pipe(zip);
  let total = 0;
  let entries = 0;
  try {
    for await (const entry of zip as AsyncIterable<ZipEntry>) {
      if (++entries > limits.maxEntries) throw tooLarge(`the XLSX file has more than ${limits.maxEntries} entries`);
      const xml = /\.(xml|rels)$/i.test(entry.path);
      let run = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limits.maxBytes) throw tooLarge(`the XLSX file unpacks to more than ${mib(limits.maxBytes)} MiB`);
        if (xml) run = longestRun(chunk, run, limits.maxTextRun, entry.path);
        yield chunk.length;
      }
    }
  } finally {
    source.unpipe(zip);
    source.destroy();
    zip.destroy();
  }
}

/** Bytes of the end-of-central-directory record without its comment, and the most a comment can add. */
const EOCD_SIZE = 22;
const EOCD_MAX_COMMENT = 0xffff;
const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** Whether the file ends with a zip archive's end-of-central-directory record (and its comment, if any). */
export function endsWithEndOfArchive(file: Buffer): boolean {
  const from = Math.max(0, file.length - EOCD_SIZE - EOCD_MAX_COMMENT);
  for (let at = file.lastIndexOf(EOCD_SIGNATURE); at >= from; at = at > 0 ? file.lastIndexOf(EOCD_SIGNATURE, at - 1) : -1) {
    if (at + EOCD_SIZE <= file.length && at + EOCD_SIZE + file.readUInt16LE(at + 20) === file.length) return true;
  }
  return false;
}

/**
 * Scans a chunk for markup and returns the length of the markup-free run it ends with (`run` is the one the
 * previous chunk ended with); past `max` the file is refused.
 */
export function longestRun(chunk: Buffer, run: number, max: number, path: string): number {
  let from = 0;
  for (;;) {
    const lt = chunk.indexOf(0x3c, from);
    const gt = chunk.indexOf(0x3e, from);
    const next = lt === -1 ? gt : gt === -1 ? lt : Math.min(lt, gt);
    const length = (next === -1 ? chunk.length : next) - from;
    if (run + length > max)
      throw tooLarge(`${path} in the XLSX file holds a text of more than ${mib(max)} MiB (a cell has at most 32,767 characters)`);
    if (next === -1) return run + length;
    run = 0;
    from = next + 1;
  }
}

function mib(bytes: number): number {
  return bytes / (1024 * 1024);
}

function tooLarge(message: string): IdentityError {
  return new IdentityError(IDENTITY.IMPORT_TOO_LARGE, message, 'file');
}
