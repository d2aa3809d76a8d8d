import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { MongoClient } from 'mongodb';
import { signToken } from '@cohort/auth';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@cohort/contracts';
import { startService, uniqueTenant } from '@cohort/testing';
import { BuiltService, buildServices, startBuiltService } from '../support/built-services';
import { gatewayClient } from '../support/gateway-client';
import { personDoc } from '../support/system';
import { xlsxSkeleton, xlsxWithLongCell, zipArchive } from '../support/zip-bomb';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** identity's heap in this test: a zip bomb parsed in memory would end it */
const IDENTITY_HEAP_MIB = 256;

/**
 * `POST /v1/imports` against hostile files on the real system: the public gateway in this process, identity
 * as its own process (the built service) with a heap of 256 MiB. Too large (bytes or rows), malformed CSV,
 * truncated or fake XLSX, zip bombs (a small XLSX unpacking to hundreds of MiB of XML, or to one giant
 * cell), and bodies that are not files — each a clear 4xx `{code, message, details}` naming the limit or the
 * field; identity stays up (a zip bomb parsed in memory would have ended it) and takes a good file after.
 */
describe('uploads: limits and hostile files at POST /v1/imports', () => {
  const tenant = uniqueTenant('upl');
  let identity: BuiltService;
  let gateway: INestApplication;
  let base: string;
  let mongo: MongoClient;
  const saved = { ...process.env };
  const admin = `Bearer ${signToken({ sub: 'admin', tid: tenant, role: 'Admin', email: `admin@${tenant}.test` })}`;
  const call = gatewayClient(() => base);
  const upload = (body: Buffer | string, type: string, query = '') => call('POST', `/v1/imports${query}`, admin, body, type);
  const staged = () => mongo.db(`${process.env.MONGO_DB_PREFIX}_identity`).collection('staged_invitees').countDocuments({ tenantId: tenant });

  async function xlsx(rows: unknown[][]): Promise<Buffer> {
    const wb = new Workbook();
    wb.addWorksheet('People').addRows(rows);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function multipart(file: Buffer, filename: string, field = 'file') {
    const form = new FormData();
    form.append(field, new Blob([file]), filename);
    const res = await fetch(`${base}/v1/imports`, { method: 'POST', headers: { authorization: admin }, body: form });
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  beforeAll(async () => {
    buildServices();
    identity = await startBuiltService('identity', { LOG_LEVEL: 'warn' }, [`--max-old-space-size=${IDENTITY_HEAP_MIB}`]);
    mongo = await MongoClient.connect(process.env.MONGO_URL!);
    await mongo
      .db(`${process.env.MONGO_DB_PREFIX}_identity`)
      .collection('people')
      .insertOne(personDoc(tenant, 'admin', { role: 'Admin' }) as never);
    Object.assign(process.env, { IDENTITY_URL: identity.url, GATEWAY_RATE_LIMIT: '100000', GATEWAY_UPSTREAM_TIMEOUT_MS: '60000' });
    const { GatewayModule } = await import('../../apps/gateway/src/gateway.module');
    gateway = await startService(GatewayModule);
    base = (await gateway.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await gateway?.close();
    await identity?.process.stop();
    await mongo?.close();
    for (const key of ['IDENTITY_URL', 'GATEWAY_RATE_LIMIT', 'GATEWAY_UPSTREAM_TIMEOUT_MS']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it(`refuses a file over ${IMPORT_MAX_BYTES / 1024 / 1024} MiB with 413 naming the limit, raw and as multipart`, async () => {
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a');
    big.write('email\n');
    const raw = await upload(big, 'text/csv');
    expect(raw).toMatchObject({
      status: 413,
      body: { code: 'IDENTITY.IMPORT_TOO_LARGE', message: 'file: larger than 10 MiB', details: { field: 'file', maxBytes: IMPORT_MAX_BYTES } },
    });
    const form = await multipart(big, 'people.csv');
    expect(form).toMatchObject({ status: 413, body: { code: 'IDENTITY.IMPORT_TOO_LARGE', details: { field: 'file' } } });
  });

  it(`refuses a file of more than ${IMPORT_MAX_ROWS} rows with 413 naming the limit, staging nothing`, async () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `p${i}@x.nl`);
    const res = await upload(`email\n${rows.join('\n')}\n`, 'text/csv');
    expect(res).toMatchObject({
      status: 413,
      body: { code: 'IDENTITY.IMPORT_TOO_LARGE', message: `the file has more than ${IMPORT_MAX_ROWS} rows`, details: { field: 'file' } },
    });
    expect(await staged()).toBe(0);
  });

  it.each([
    ['an unclosed quote', 'email,name\na@x.nl,"Ann\n', /not a readable CSV file: .*quote/i],
    ['a file without an email column', 'name,role\nAnn,Admin\n', /no email column/],
    ['a header row only', 'email\n', undefined],
    [
      'binary bytes declared as CSV',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      /no email column/,
    ],
  ])('a malformed CSV (%s) is a 400 naming the file, never a 5xx', async (_case, body, message) => {
    const res = await upload(body, 'text/csv');
    if (message === undefined) {
      // nothing to import is not an error: zero rows
      expect(res).toMatchObject({ status: 201, body: { rows: 0, valid: 0 } });
      return;
    }
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IDENTITY.IMPORT_UNREADABLE', message: expect.stringMatching(message) });
    expect(['file', 'email']).toContain(res.body.details.field);
  });

  it('truncated, fake and empty XLSX files are 400s saying what is wrong', async () => {
    const good = await xlsx([['email'], ['a@x.nl']]);
    for (const cut of [300, good.length >> 1, good.length - 10]) {
      const res = await upload(good.subarray(0, cut), XLSX_TYPE);
      expect([cut, res.status, res.body.code, res.body.message]).toEqual([
        cut,
        400,
        'IDENTITY.IMPORT_UNREADABLE',
        expect.stringMatching(/^not a readable XLSX file: /),
      ]);
    }
    const notZip = await upload('email\na@x.nl\n', XLSX_TYPE);
    expect(notZip).toMatchObject({ status: 400, body: { message: 'not an XLSX file (an XLSX is a zip archive)', details: { field: 'file' } } });
    const zipOfText = await upload(await zipArchive([{ name: 'people.txt', bytes: 'email\na@x.nl\n' }]), XLSX_TYPE);
    expect(zipOfText).toMatchObject({ status: 400, body: { code: 'IDENTITY.IMPORT_UNREADABLE', message: 'the workbook has no worksheet' } });
    const xlsxAsCsv = await upload(good, 'text/csv');
    expect(xlsxAsCsv).toMatchObject({ status: 400, body: { code: 'IDENTITY.IMPORT_UNREADABLE' } });
  });

  it('zip bombs — 1 MiB unpacking to 600 MiB of rows, 300 KiB unpacking to one 300 MiB cell — are 413s, and identity stays up', async () => {
    const rows = await zipArchive([
      // the sheet first, as spreadsheet programs write it (exceljs's reader then spools it to a temp file)
      {
        name: 'xl/worksheets/sheet1.xml',
        prefix: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>email</t></is></c></row>',
        repeat: '<row r="2"/>',
        times: 50_000_000,
        suffix: '</sheetData></worksheet>',
      },
      ...xlsxSkeleton(),
    ]);
    const cell = await xlsxWithLongCell(300 * 1024 * 1024);
    process.stdout.write(
      `\n[uploads] zip bombs: ${(rows.length / 1024).toFixed(0)} KiB → 600 MiB of rows; ${(cell.length / 1024).toFixed(0)} KiB → a 300 MiB cell\n`,
    );
    expect(rows.length).toBeLessThan(2 * 1024 * 1024);

    const refusedRows = await upload(rows, XLSX_TYPE);
    expect(refusedRows).toMatchObject({
      status: 413,
      body: { code: 'IDENTITY.IMPORT_TOO_LARGE', message: 'the XLSX file unpacks to more than 128 MiB', details: { field: 'file' } },
    });
    const refusedCell = await upload(cell, 'application/octet-stream', '?format=xlsx');
    expect(refusedCell).toMatchObject({
      status: 413,
      body: { code: 'IDENTITY.IMPORT_TOO_LARGE', message: expect.stringContaining('holds a text of more than 1 MiB') },
    });
    const viaForm = await multipart(cell, 'people.xlsx');
    expect(viaForm).toMatchObject({ status: 413, body: { code: 'IDENTITY.IMPORT_TOO_LARGE' } });

    expect(identity.process.running).toBe(true);
    expect((await fetch(`${identity.url}/health`)).status).toBe(200);
    const good = await upload(await xlsx([['email'], [`ann@${tenant}.test`]]), XLSX_TYPE);
    expect(good).toMatchObject({ status: 201, body: { rows: 1, valid: 1 } });
    const peak = identity.process.sample()?.peakMiB;
    process.stdout.write(`[uploads] identity's peak RSS over the whole spec: ${peak?.toFixed(0)} MiB (heap limit ${IDENTITY_HEAP_MIB} MiB)\n`);
  });

  it.each([
    ['application/json', 'Content-Type', '{"rows":[{"email":"a@x.nl"}]}'],
    ['application/x-www-form-urlencoded', 'Content-Type', 'email=a%40x.nl'],
    ['image/png', 'Content-Type', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['text/html', 'Content-Type', '<html><body>email</body></html>'],
    ['application/octet-stream without ?format', 'format', 'email\na@x.nl\n'],
  ])('a body of %s is a 400 naming %s', async (described, field, body) => {
    const type = described.split(' ')[0];
    const res = await upload(body, type);
    expect(res).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID', details: { field } } });
  });

  it('a form without the file field, or with an empty file, is a 400 naming file', async () => {
    expect(await multipart(Buffer.from('email\na@x.nl\n'), 'people.csv', 'upload')).toMatchObject({
      status: 400,
      body: { details: { field: 'file' } },
    });
    expect(await multipart(Buffer.alloc(0), 'people.csv')).toMatchObject({ status: 400, body: { details: { field: 'file' } } });
  });
});
