import { Producer } from 'kafkajs';
import { stream as excelStream, Workbook } from 'exceljs';
import { PassThrough } from 'node:stream';
import { IMPORT_MAX_BYTES, ImportSummary, ItemPage, Preview, SelectionDigest, TOPICS, WorkChunk, workTopic } from '@cohort/contracts';
import { eventually, plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { parseToken } from '../../apps/identity/src/tokens/secrets';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';

/** small jobs' chunks travel on the express lane of the work topic */
const COMMUNICATIONS_EXPRESS = workTopic('communications', TOPICS, 'express');

type Person = Omit<ReturnType<typeof personDoc>, 'invitation'> & { invitation: { sentCount: number; sentAt: Date; tokenHash: string } | null };
type Refusal = { code: string; message: string; details: { field?: string } };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * invite-users from an uploaded file through real parts: the file's bytes to identity's imports route
 * (parsed, checked, staged in the store) → a job on the orchestrator with `selection: {importId}` →
 * identity resolves the import's rows and creates the invited people → the e-mail step gets each
 * person's link. And from invitees listed inline by a Kafka publisher.
 */
describe('imports: people files staged, then invited through the saga', () => {
  let system: CohortSystem;
  let recorder: TopicRecorder;
  let producer: Producer;
  let identityUrl: string;
  const people = () => system.db('identity').collection<Person>('people');
  const staged = () => system.db('identity').collection('staged_invitees');

  async function upload<T = ImportSummary>(
    tenant: string,
    body: Buffer | ReadableStream,
    type: string,
    format?: string,
  ): Promise<{ status: number; body: T }> {
    const query = format ? `?format=${format}` : '';
    const res = await fetch(`${identityUrl}/internal/tenants/${tenant}/imports${query}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
      duplex: 'half',
    } as RequestInit);
    return { status: res.status, body: (await res.json()) as T };
  }
  /** The job's people that ended in `status` (waiting until `count` have), as [userId, code, message]. */
  async function ended(tenant: string, jobId: string, status: 'skipped' | 'failed', count: number): Promise<string[][]> {
    const items = await eventually(
      async () => {
        const page = await getJson<ItemPage>(`${system.jobsUrl(tenant)}/${jobId}/items?status=${status}`);
        return page.body.items.length >= count && page.body.items;
      },
      60_000,
      `${count} ${status} people of job ${jobId}`,
    );
    return items.map((i) => [i.userId, i.code ?? '', i.message ?? '']).sort();
  }
  async function xlsx(rows: unknown[][]): Promise<Buffer> {
    const wb = new Workbook();
    wb.addWorksheet('People').addRows(rows);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    recorder = await new TopicRecorder([COMMUNICATIONS_EXPRESS]).start();
    system = await startSystem();
    identityUrl = (await system.identity.getUrl()).replace('[::1]', '127.0.0.1');
    producer = await plainProducer();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('a Dutch CSV becomes invited people; a bad row fails naming its column; a taken e-mail is skipped', async () => {
    const tenant = uniqueTenant('csv');
    await people().insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), personDoc(tenant, 'old', { email: 'taken@x.nl' })] as Person[]);
    const csv = [
      '\ufeffE-mailadres;Voornaam;Tussenvoegsel;Achternaam;Rol;Taal',
      'Ann@X.nl;Ann;van;Dijk;beheerder;nl', // row 2: bad role
      'bo@x.nl;Bo;;Smit;admin;NL', // row 3
      'niet-een-adres;Cas;;;;', // row 4: bad e-mail
      'taken@x.nl;Dee;;;;', // row 5: someone has it
      ';;;;;', // row 6: empty, ignored
      'eve@x.nl;;;;;', // row 7
      'BO@x.nl;Bo;;Again;;', // row 8: repeat of row 3
    ].join('\r\n');
    const up = await upload(tenant, Buffer.from(csv), 'text/csv', 'csv');
    expect(up.status).toBe(201);
    const { importId } = up.body;
    expect(up.body).toEqual({
      importId: expect.stringMatching(/^[0-9a-z]{12}$/),
      purpose: 'invite',
      rows: 6,
      valid: 3,
      invalid: 3,
      errors: [
        { row: 2, column: 'role', message: '"beheerder" is not a role (one of Owner, Admin, HR, Curator, Manager, Learner, Reporter)' },
        { row: 4, column: 'email', message: 'not an e-mail address' },
        { row: 8, column: 'email', message: 'also in row 3' },
      ],
    });
    expect(await staged().countDocuments({ tenantId: tenant, importId })).toBe(6);
    const digest = await postJson<SelectionDigest>(`${identityUrl}/internal/tenants/${tenant}/selection/digest`, {
      importId,
      excludeIds: [`imp-${importId}-7`],
    });
    expect(digest.body.count).toBe(5);

    const request = { actorId: 'owner', action: 'invite-users', params: {}, selection: { importId } };
    const preview = await postJson<Preview>(`${system.jobsUrl(tenant)}/preview`, request);
    expect(preview.body).toMatchObject({
      total: 6,
      exact: true,
      willChange: 2,
      skipped: [{ code: 'IDENTITY.EMAIL_EXISTS', count: 1 }],
      failed: [{ code: 'IDENTITY.INVALID_ROW', count: 3 }],
    });
    expect(await people().countDocuments({ tenantId: tenant })).toBe(2); // the preview created nobody

    const job = await postJson<{ id: string }>(system.jobsUrl(tenant), request);
    expect(job.status).toBe(202);
    const row = (n: number) => `imp-${importId}-${n}`;
    expect(await ended(tenant, job.body.id, 'failed', 3)).toEqual(
      [
        [
          row(2),
          'IDENTITY.INVALID_ROW',
          'row 2, column role: "beheerder" is not a role (one of Owner, Admin, HR, Curator, Manager, Learner, Reporter)',
        ],
        [row(4), 'IDENTITY.INVALID_ROW', 'row 4, column email: not an e-mail address'],
        [row(8), 'IDENTITY.INVALID_ROW', 'row 8, column email: also in row 3'],
      ].sort(),
    );
    expect(await ended(tenant, job.body.id, 'skipped', 1)).toEqual([[row(5), 'IDENTITY.EMAIL_EXISTS', 'taken@x.nl already has an account']]);

    // step 0's results reach the e-mail step: who, and the link for each
    const [work] = await recorder.waitFor<WorkChunk>(COMMUNICATIONS_EXPRESS, (w) => w.jobId === job.body.id, 1, 60_000);
    expect(work.userIds.sort()).toEqual([row(3), row(7)].sort());
    expect(work.data?.[row(3)]).toEqual({ kind: 'invitation', email: 'bo@x.nl', name: 'Bo Smit', language: 'nl', token: expect.any(String) });
    expect(work.data?.[row(7)]).toMatchObject({ email: 'eve@x.nl', name: 'eve', language: 'en' });
    const bo = (await people().findOne({ _id: `${tenant}:${row(3)}` }))!;
    expect(bo).toMatchObject({ status: 'invited', role: 'Admin', email: 'bo@x.nl', search: 'bo smit bo@x.nl', invitation: { sentCount: 1 }, v: 1 });
    expect(bo.invitation?.tokenHash).toBe(parseToken(String(work.data?.[row(3)]?.token))?.hash);
    expect(await people().countDocuments({ tenantId: tenant })).toBe(4);
  });

  it('invitees listed inline by a Kafka publisher become invited people too', async () => {
    const tenant = uniqueTenant('inline');
    await people().insertOne(personDoc(tenant, 'owner', { role: 'Owner' }) as Person);
    const command = {
      commandId: `cmd-${tenant}`,
      tenantId: tenant,
      actor: { userId: 'owner' },
      action: 'invite-users',
      params: {
        invitees: [
          { userId: 'hr-1001', email: 'Fay@x.nl', name: 'Fay', role: 'HR', language: 'de' },
          { userId: 'hr-1002', email: 'gus@x.nl' },
        ],
      },
      selection: { userIds: ['hr-1001', 'hr-1002'] },
    };
    await producer.send({ topic: TOPICS.commands, messages: [{ key: tenant, value: JSON.stringify(command) }] });
    const found = await eventually(
      async () => {
        const docs = await people().find({ tenantId: tenant, status: 'invited' }).sort({ userId: 1 }).toArray();
        return docs.length === 2 && docs;
      },
      60_000,
      'two invited people',
    );
    expect(found.map((p) => [p.userId, p.email, p.name, p.role, p.language])).toEqual([
      ['hr-1001', 'fay@x.nl', 'Fay', 'HR', 'de'],
      ['hr-1002', 'gus@x.nl', 'gus', 'Learner', 'en'],
    ]);
  });

  it('a file over IMPORT_MAX_BYTES is a 413, sent whole or streamed, and stages nothing', async () => {
    const tenant = uniqueTenant('big');
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a');
    big.write('email\n');
    const whole = await upload<Refusal>(tenant, big, 'text/csv');
    expect(whole).toMatchObject({ status: 413, body: { code: 'IDENTITY.IMPORT_TOO_LARGE', details: { field: 'file' } } });

    const chunked = new PassThrough(); // no Content-Length: the limit is found while reading
    const stream = new ReadableStream({
      start(controller) {
        chunked.on('data', (c: Buffer) => controller.enqueue(new Uint8Array(c)));
        chunked.on('end', () => controller.close());
      },
    });
    const answer = upload<Refusal>(tenant, stream, 'application/octet-stream');
    for (let at = 0; at < big.length; at += 1 << 20) chunked.write(big.subarray(at, at + (1 << 20)));
    chunked.end();
    expect(await answer).toMatchObject({ status: 413, body: { code: 'IDENTITY.IMPORT_TOO_LARGE' } });
    expect(await staged().countDocuments({ tenantId: tenant })).toBe(0);
  });

  it('an unreadable XLSX or a file without an e-mail column is a 400 saying so', async () => {
    const tenant = uniqueTenant('bad');
    const good = await xlsx([['email'], ['a@x.nl']]);
    const truncated = await upload<Refusal>(tenant, good.subarray(0, 300), XLSX_TYPE);
    expect(truncated).toMatchObject({
      status: 400,
      body: { code: 'IDENTITY.IMPORT_UNREADABLE', message: expect.stringMatching(/^not a readable XLSX file: /) },
    });
    const notZip = await upload<Refusal>(tenant, Buffer.from('email\na@x.nl\n'), XLSX_TYPE);
    expect(notZip).toMatchObject({
      status: 400,
      body: { code: 'IDENTITY.IMPORT_UNREADABLE', message: 'not an XLSX file (an XLSX is a zip archive)' },
    });
    const noEmail = await upload<Refusal>(
      tenant,
      await xlsx([
        ['Naam', 'Rol'],
        ['Ann', 'Admin'],
      ]),
      'application/octet-stream',
    );
    expect(noEmail).toMatchObject({
      status: 400,
      body: { code: 'IDENTITY.IMPORT_UNREADABLE', details: { field: 'email' }, message: expect.stringContaining('no email column') },
    });
    const json = await upload<Refusal>(tenant, Buffer.from('{}'), 'application/json');
    expect(json).toMatchObject({ status: 400, body: { code: 'IDENTITY.INVALID_REQUEST', details: { field: 'content-type' } } });
    expect(await staged().countDocuments({ tenantId: tenant })).toBe(0);
  });

  it('stages a 50,000-row XLSX', async () => {
    const tenant = uniqueTenant('xl');
    const sink = new PassThrough();
    const parts: Buffer[] = [];
    sink.on('data', (c: Buffer) => parts.push(c));
    const writer = new excelStream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true });
    const sheet = writer.addWorksheet('People');
    sheet.addRow(['Email', 'First name', 'Last name', 'Role', 'Language']).commit();
    for (let i = 0; i < 50_000; i++)
      sheet.addRow([`person${i}@big.test`, `First${i}`, `Last${i}`, i % 10 ? 'Learner' : 'Manager', i % 2 ? 'nl' : 'en']).commit();
    sheet.commit();
    await writer.commit();
    const file = Buffer.concat(parts);

    const started = Date.now();
    const up = await upload(tenant, file, XLSX_TYPE);
    const ms = Date.now() - started;
    process.stdout.write(
      `\n[imports] 50,000-row XLSX (${(file.length / 1024 / 1024).toFixed(1)} MiB) parsed and staged in ${ms} ms (${Math.round(50_000 / (ms / 1000))} rows/s)\n`,
    );
    expect(up).toMatchObject({ status: 201, body: { rows: 50_000, valid: 50_000, invalid: 0, errors: [] } });
    expect(await staged().countDocuments({ tenantId: tenant, importId: up.body.importId })).toBe(50_000);
    const digest = await postJson<SelectionDigest>(`${identityUrl}/internal/tenants/${tenant}/selection/digest`, { importId: up.body.importId });
    expect(digest.body.count).toBe(50_000);
  });
});
