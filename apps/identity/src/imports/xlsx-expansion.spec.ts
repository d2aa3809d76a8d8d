import { Workbook } from 'exceljs';
import { xlsxSkeleton, xlsxWithLongCell, xlsxWithRows, zipArchive } from '../../../../test/support/zip-bomb';
import { IdentityError } from '../identity.errors';
import { endsWithEndOfArchive, ExpansionLimits, longestRun, unpackedChunks, XLSX_MAX_UNPACKED_BYTES } from './xlsx-expansion';

const MiB = 1024 * 1024;
const SMALL: ExpansionLimits = { maxBytes: 4 * MiB, maxTextRun: 64 * 1024, maxEntries: 10 };

async function unpacked(file: Buffer, limits?: ExpansionLimits): Promise<number> {
  let total = 0;
  for await (const n of unpackedChunks(file, limits)) total += n;
  return total;
}

async function refusal(file: Buffer, limits?: ExpansionLimits): Promise<IdentityError> {
  try {
    await unpacked(file, limits);
  } catch (err) {
    return err as IdentityError;
  }
  throw new Error('expected the archive to be refused');
}

describe('unpackedChunks: an XLSX unpacked with limits before the workbook reader sees it', () => {
  it('unpacks a regular workbook whole', async () => {
    const wb = new Workbook();
    wb.addWorksheet('People').addRows([['email'], ['a@x.nl']]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await unpacked(file)).toBeGreaterThan(file.length);
  });

  it(`refuses a zip bomb (${XLSX_MAX_UNPACKED_BYTES / MiB} MiB by default) at the first byte past the limit, keeping nothing`, async () => {
    const bomb = await xlsxWithRows('<row r="2"/>', 2_000_000); // 24 MB of XML
    expect(bomb.length).toBeLessThan(200 * 1024);
    const err = await refusal(bomb, SMALL);
    expect(err).toMatchObject({ code: 'IDENTITY.IMPORT_TOO_LARGE', field: 'file', message: 'the XLSX file unpacks to more than 4 MiB' });
  });

  it('refuses an XML text longer than any cell can be, but not the same bytes in a binary entry', async () => {
    const err = await refusal(await xlsxWithLongCell(100_000), SMALL);
    expect(err).toMatchObject({
      code: 'IDENTITY.IMPORT_TOO_LARGE',
      message: expect.stringContaining('xl/worksheets/sheet1.xml in the XLSX file holds a text of more than'),
    });
    const image = await zipArchive([...xlsxSkeleton(), { name: 'xl/media/image1.png', repeat: 'A', times: 100_000 }]);
    expect(await unpacked(image, SMALL)).toBeGreaterThan(100_000);
  });

  it('refuses an archive of too many entries', async () => {
    const many = await zipArchive(Array.from({ length: 11 }, (_, i) => ({ name: `x/${i}.xml`, bytes: '<x/>' })));
    expect(await refusal(many, SMALL)).toMatchObject({ code: 'IDENTITY.IMPORT_TOO_LARGE', message: 'the XLSX file has more than 10 entries' });
  });

  it('fails a truncated archive at once instead of waiting for the rest of an entry', async () => {
    const file = await xlsxWithRows('<row r="2"><c r="A2" t="inlineStr"><is><t>a@x.nl</t></is></c></row>', 1000);
    expect(endsWithEndOfArchive(file)).toBe(true);
    for (const cut of [300, file.length >> 1, file.length - 1]) {
      await expect(unpacked(file.subarray(0, cut))).rejects.toThrow('the archive is truncated: it has no end-of-archive record');
    }
  });
});

describe('longestRun', () => {
  it('measures the markup-free run a chunk ends with, carried across chunks', () => {
    expect(longestRun(Buffer.from('<a>text'), 0, 100, 'x.xml')).toBe(4);
    expect(longestRun(Buffer.from('more'), 4, 100, 'x.xml')).toBe(8);
    expect(longestRun(Buffer.from('ab</a>'), 8, 100, 'x.xml')).toBe(0);
    expect(() => longestRun(Buffer.from('x'.repeat(50)), 60, 100, 'x.xml')).toThrow(/x\.xml in the XLSX file holds a text of more than/);
  });
});
