import archiver from 'archiver';
import { Readable } from 'node:stream';

/** An entry of a test archive: bytes, or `repeat` written `times` over (streamed, never held whole). */
export type ArchiveEntry =
  { name: string; bytes: string | Buffer } | { name: string; repeat: string; times: number; prefix?: string; suffix?: string };

/**
 * A zip archive built with the project's ZIP library (archiver, deflate level 9): a repeated text
 * compresses about a thousandfold, so a few hundred KiB of file unpack to hundreds of MiB — a zip bomb.
 */
export async function zipArchive(entries: ArchiveEntry[]): Promise<Buffer> {
  const zip = archiver('zip', { zlib: { level: 9 } });
  const parts: Buffer[] = [];
  zip.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise<void>((resolve, reject) => {
    zip.once('end', resolve);
    zip.once('error', reject);
  });
  for (const entry of entries) {
    if ('bytes' in entry) zip.append(entry.bytes, { name: entry.name });
    else zip.append(Readable.from(repeated(entry.repeat, entry.times, entry.prefix ?? '', entry.suffix ?? '')), { name: entry.name });
  }
  await zip.finalize();
  await ended;
  return Buffer.concat(parts);
}

function* repeated(text: string, times: number, prefix: string, suffix: string): Generator<Buffer> {
  yield Buffer.from(prefix);
  const block = Buffer.from(text.repeat(Math.max(1, Math.floor((1 << 20) / text.length))));
  const perBlock = block.length / text.length;
  let left = times;
  for (; left >= perBlock; left -= perBlock) yield block;
  if (left > 0) yield Buffer.from(text.repeat(left));
  yield Buffer.from(suffix);
}

/** The entries every XLSX has beside its sheet, minimal, so exceljs reads a sheet given as `sheet`. */
export function xlsxSkeleton(): ArchiveEntry[] {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  return [
    {
      name: '[Content_Types].xml',
      bytes:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      bytes: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      bytes:
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      bytes: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}</Relationships>`,
    },
  ];
}

const SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_END = '</sheetData></worksheet>';

/** An XLSX whose sheet is `rows` (XML of <row> elements) written `times` over after a header row with an email column. */
export function xlsxWithRows(rowXml: string, times: number): Promise<Buffer> {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c></row>';
  return zipArchive([
    ...xlsxSkeleton(),
    { name: 'xl/worksheets/sheet1.xml', prefix: SHEET_START + header, repeat: rowXml, times, suffix: SHEET_END },
  ]);
}

/** An XLSX with one cell (A2) holding `length` characters of text. */
export function xlsxWithLongCell(length: number): Promise<Buffer> {
  return zipArchive([
    ...xlsxSkeleton(),
    {
      name: 'xl/worksheets/sheet1.xml',
      prefix: `${SHEET_START}<row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`,
      repeat: 'A',
      times: length,
      suffix: `</t></is></c></row>${SHEET_END}`,
    },
  ]);
}
