import { Workbook } from 'exceljs';
import { IdentityError } from '../identity.errors';
import { cellText, csvDelimiter, guardStall, ImportFormat, SheetRow, sheetRows } from './import-file';

async function rows(file: Buffer | string, format: ImportFormat): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of sheetRows(Buffer.isBuffer(file) ? file : Buffer.from(file), format)) out.push(row);
  return out;
}

async function failure(file: Buffer | string, format: ImportFormat): Promise<IdentityError> {
  try {
    await rows(file, format);
  } catch (err) {
    return err as IdentityError;
  }
  throw new Error('expected the file to be refused');
}

/** The file with the compressed data of one zip entry overwritten: exceljs's reader would wait on it forever. */
function damaged(file: Buffer, entry: string): Buffer {
  const bad = Buffer.from(file);
  const name = bad.indexOf(Buffer.from(entry));
  const header = name - 30; // local file header: 30 bytes, then name and extra field
  const data = name + bad.readUInt16LE(header + 26) + bad.readUInt16LE(header + 28);
  return bad.fill(0xff, data, data + 8);
}

async function xlsx(build: (wb: Workbook) => void): Promise<Buffer> {
  const wb = new Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('sheetRows: CSV', () => {
  it('reads comma-separated rows, numbering them as a spreadsheet does and skipping empty ones', async () => {
    const csv = 'email,name\r\na@x.nl,"Ann, A."\r\n\r\n  ,  \r\nb@x.nl,"Bo\r\nB"\r\nc@x.nl,C\r\n';
    expect(await rows(csv, 'csv')).toEqual([
      { row: 1, cells: ['email', 'name'] },
      { row: 2, cells: ['a@x.nl', 'Ann, A.'] },
      { row: 5, cells: ['b@x.nl', 'Bo\r\nB'] },
      { row: 6, cells: ['c@x.nl', 'C'] },
    ]);
  });

  it("detects ';' (Dutch Excel) and tolerates a BOM and uneven rows", async () => {
    const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('E-mailadres;Naam;Rol\nJan@x.nl;Jan de Vries, jr.;beheerder\nk@x.nl\n')]);
    expect(await rows(csv, 'csv')).toEqual([
      { row: 1, cells: ['E-mailadres', 'Naam', 'Rol'] },
      { row: 2, cells: ['Jan@x.nl', 'Jan de Vries, jr.', 'beheerder'] },
      { row: 3, cells: ['k@x.nl'] },
    ]);
  });

  it('picks the delimiter from the header line, ignoring quoted ones', () => {
    expect(csvDelimiter(Buffer.from('"a;b;c",d\n1;2;3;4;5'))).toBe(',');
    expect(csvDelimiter(Buffer.from('email;name\n"x,y,z",1'))).toBe(';');
    expect(csvDelimiter(Buffer.from('email\n'))).toBe(',');
  });

  it('refuses a malformed or empty file as unreadable, saying why', async () => {
    expect(await failure('email,name\n"a@x.nl,A\n', 'csv')).toMatchObject({
      code: 'IDENTITY.IMPORT_UNREADABLE',
      message: expect.stringMatching(/^not a readable CSV file: .*quote/i),
    });
    expect(await failure('', 'csv')).toMatchObject({ code: 'IDENTITY.IMPORT_UNREADABLE', message: 'the file is empty' });
  });
});

describe('sheetRows: XLSX', () => {
  it('reads the first worksheet only, with rich text, hyperlinks and numbers as text', async () => {
    const file = await xlsx((wb) => {
      const people = wb.addWorksheet('People');
      people.addRow(['Email', 'First name', 'Last name']);
      people.addRow([{ text: 'a@x.nl', hyperlink: 'mailto:a@x.nl' }, { richText: [{ text: 'An' }, { text: 'na' }] }, 42]);
      people.addRow([]);
      people.addRow(['b@x.nl', null, 'B']);
      wb.addWorksheet('Notes').addRow(['not@read.nl']);
    });
    expect(await rows(file, 'xlsx')).toEqual([
      { row: 1, cells: ['Email', 'First name', 'Last name'] },
      { row: 2, cells: ['a@x.nl', 'Anna', '42'] },
      { row: 4, cells: ['b@x.nl', '', 'B'] },
    ]);
  });

  it('refuses bytes that are no XLSX, a truncated one and one without a worksheet', async () => {
    const whole = await xlsx((wb) => wb.addWorksheet('People').addRow(['email']));
    expect(await failure('email\na@x.nl\n', 'xlsx')).toMatchObject({
      code: 'IDENTITY.IMPORT_UNREADABLE',
      message: 'not an XLSX file (an XLSX is a zip archive)',
    });
    expect(await failure(whole.subarray(0, 400), 'xlsx')).toMatchObject({
      code: 'IDENTITY.IMPORT_UNREADABLE',
      message: expect.stringMatching(/^not a readable XLSX file: /),
    });
    expect(await failure(await xlsx(() => undefined), 'xlsx')).toMatchObject({
      code: 'IDENTITY.IMPORT_UNREADABLE',
      message: 'the workbook has no worksheet',
    });
  });

  it('refuses an XLSX whose compressed data is damaged, instead of waiting for it forever', async () => {
    const file = await xlsx((wb) => wb.addWorksheet('People').addRows([['email'], ['a@x.nl']]));
    const refused = async (entry: string) => {
      try {
        for await (const _ of sheetRows(damaged(file, entry), 'xlsx', 300)) continue;
      } catch (err) {
        return err;
      }
      return undefined;
    };
    expect(await refused('xl/worksheets/sheet1.xml')).toMatchObject({
      code: 'IDENTITY.IMPORT_UNREADABLE',
      message: 'the XLSX file is damaged: reading it stopped making progress',
    });
    expect(await refused('xl/workbook.xml')).toMatchObject({ code: 'IDENTITY.IMPORT_UNREADABLE' });
  });
});

describe('guardStall', () => {
  it('does not count the time the consumer spends between items', async () => {
    async function* slowConsumerFriendly() {
      yield 1;
      yield 2;
    }
    const out: number[] = [];
    for await (const n of guardStall(slowConsumerFriendly(), () => 0, 50)) {
      await new Promise((r) => setTimeout(r, 150));
      out.push(n);
    }
    expect(out).toEqual([1, 2]);
  });
});

describe('cellText', () => {
  it('turns every cell value into trimmed text', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(' x ')).toBe('x');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
    expect(cellText({ formula: 'A1', result: 'r@x.nl' })).toBe('r@x.nl');
    expect(cellText({ error: '#N/A' })).toBe('');
  });
});
