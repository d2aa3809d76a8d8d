import { parse } from 'csv-parse/sync';
import { signToken } from '@cohort/auth';
import { EXPORT_COLUMNS } from '@cohort/contracts';
import { eventually, uniqueTenant } from '@cohort/testing';
import { gatewayClient } from '../support/gateway-client';
import { CohortSystem, personDoc, startSystem } from '../support/system';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * export-csv end to end through the gateway (issue 19): the job records each selected person as they are when
 * it runs, and `GET /v1/batch-jobs/:id/artifact` streams the CSV — columns of the params in their order, teams
 * and groups by name, every cell safe in a spreadsheet, UTF-8 that Excel reads as such. Only callers who may
 * export get the file, only of their own tenant; a person erased later is gone from earlier exports too.
 */
describe('export-csv: a streamed CSV of the selected people, downloadable by whoever may export', () => {
  const tenant = uniqueTenant('export');
  const other = uniqueTenant('exportx');
  let system: CohortSystem;
  let base: string;
  const call = gatewayClient(() => base);
  const bearer = (sub: string, role: string, tid = tenant, perms: string[] = []) =>
    `Bearer ${signToken({ sub, tid, role: role as never, email: `${sub}@${tid}.test`, perms })}`;
  const admin = bearer('admin', 'Admin');
  const learners = ['ana', 'bram', 'chloe', 'dirk', 'eva'];
  const people = [
    personDoc(tenant, 'admin', { role: 'Admin', name: 'Ada Admin' }),
    personDoc(tenant, 'owner', { role: 'Owner', name: 'Otto Owner' }),
    personDoc(tenant, 'hr', { role: 'HR', name: 'Hanna HR', permissions: ['labels', 'tasks'] }),
    personDoc(tenant, 'ana', { name: 'Ana Çelik', language: 'nl', labels: ['night shift', 'first aid'], groupIds: ['sales', 'readers'] }),
    personDoc(tenant, 'bram', { name: '=HYPERLINK("http://evil.test","click")', labels: ['+1'], groupIds: ['sales'] }),
    personDoc(tenant, 'chloe', { name: 'Chloé Zoë', status: 'deactivated', country: 'BE', groupIds: ['gone-group'] }),
    personDoc(tenant, 'dirk', { name: 'Dirk', lastActiveAt: new Date('2026-11-30T08:00:00Z') }),
    personDoc(tenant, 'eva', { name: 'Eva', specialisms: ['welding'] }),
    personDoc(other, 'admin', { role: 'Admin' }),
  ];

  async function runExport(params: Record<string, unknown>, selection: Record<string, unknown> = { filter: {} }, token = admin): Promise<string> {
    const job = await call('POST', '/v1/batch-jobs', token, { action: 'export-csv', params, selection });
    expect(job.status).toBe(202);
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${job.body.id}`, token)).body.status === 'completed', 60_000, 'the export');
    return job.body.id as string;
  }

  async function download(jobId: string, token = admin): Promise<{ status: number; type: string | null; bytes: Buffer }> {
    const res = await fetch(`${base}/v1/batch-jobs/${jobId}/artifact`, { headers: token ? { authorization: token } : {} });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  }

  const table = (bytes: Buffer) => parse(bytes, { bom: true }) as string[][];

  beforeAll(async () => {
    system = await startSystem({ gateway: true, env: { GATEWAY_RATE_LIMIT: '100000' } });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    for (const service of ['membership', 'learning', 'communications'] as const) await system.startParticipant(service);
    await system
      .db('identity')
      .collection('people')
      .insertMany(people as never[]);
    await system
      .db('membership')
      .collection('groups')
      .insertMany(
        [
          { groupId: 'sales', name: 'Sales Benelux', kind: 'team' },
          { groupId: 'readers', name: 'Book club', kind: 'group' },
        ].map((g) => ({ _id: `${tenant}:${g.groupId}`, tenantId: tenant, autoEnrolCourseIds: [], managerUserIds: [], ...g })) as never[],
      );
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('exports everyone of the tenant (filter {}) with every column: names of teams and groups, UTF-8 with BOM, each person once', async () => {
    const jobId = await runExport({});
    const items = await call('GET', `/v1/batch-jobs/${jobId}/items?limit=100`, admin);
    expect((items.body.items as { status: string }[]).map((i) => i.status)).toEqual(
      people.filter((p) => p.tenantId === tenant).map(() => 'succeeded'),
    );

    const file = await download(jobId);
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/^text\/csv/);
    expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // Excel reads the names with accents right
    const [header, ...rows] = table(file.bytes);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const col = (name: string) => header.indexOf(name);
    const byUser = new Map(rows.map((r) => [r[col('userId')], r]));
    expect([...byUser.keys()].sort()).toEqual(['admin', 'hr', 'owner', ...learners].sort());
    expect(rows).toHaveLength(8); // nobody twice, nobody of the other tenant
    const ana = byUser.get('ana')!;
    expect([ana[col('name')], ana[col('email')], ana[col('language')], ana[col('teams')], ana[col('groups')], ana[col('labels')]]).toEqual([
      'Ana Çelik',
      `ana@${tenant}.test`,
      'nl',
      'Sales Benelux',
      'Book club',
      'night shift; first aid',
    ]);
    const chloe = byUser.get('chloe')!;
    expect([chloe[col('name')], chloe[col('status')], chloe[col('country')], chloe[col('teams')], chloe[col('groups')]]).toEqual([
      'Chloé Zoë',
      'deactivated',
      'BE',
      '',
      '', // a group that no longer exists is left out
    ]);
    expect(byUser.get('dirk')![col('lastActiveAt')]).toBe('2026-11-30T08:00:00.000Z');
    expect(byUser.get('eva')![col('specialisms')]).toBe('welding');
    expect(byUser.get('eva')![col('registeredAt')]).toMatch(/^\d{4}-\d\d-\d\dT/);
    // a hostile name stays text
    expect(byUser.get('bram')![col('name')]).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(byUser.get('bram')![col('labels')]).toBe(`'+1`);
    for (const row of rows) for (const cell of row) expect([cell, FORMULA_START.test(cell)]).toEqual([cell, false]);
  });

  it('the columns of the params, in their order, for the selected people only', async () => {
    const jobId = await runExport({ columns: ['email', 'name', 'status'] }, { userIds: ['chloe', 'ana', 'nobody'] });
    const items = await call('GET', `/v1/batch-jobs/${jobId}/items?limit=100`, admin);
    const outcome = new Map((items.body.items as { userId: string; status: string; code?: string }[]).map((i) => [i.userId, i.code ?? i.status]));
    expect(outcome).toEqual(
      new Map([
        ['chloe', 'succeeded'],
        ['ana', 'succeeded'],
        ['nobody', 'IDENTITY.NOT_FOUND'],
      ]),
    );
    const [header, ...rows] = table((await download(jobId)).bytes);
    expect(header).toEqual(['email', 'name', 'status']);
    expect(rows.sort()).toEqual([
      [`ana@${tenant}.test`, 'Ana Çelik', 'active'],
      [`chloe@${tenant}.test`, 'Chloé Zoë', 'deactivated'],
    ]);
  });

  it('keeps what each person was when the job ran: a later change does not alter a finished export', async () => {
    const jobId = await runExport({ columns: ['userId', 'language'] }, { userIds: ['dirk'] });
    const relabel = await call('POST', '/v1/batch-jobs', admin, {
      action: 'change-language',
      params: { language: 'de' },
      selection: { userIds: ['dirk'] },
    });
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${relabel.body.id}`, admin)).body.status === 'completed', 60_000, 'the change');
    expect(table((await download(jobId)).bytes)).toEqual([
      ['userId', 'language'],
      ['dirk', 'en'],
    ]);
  });

  it('only for callers who may export, of the job’s own tenant: no token 401, a Learner or HR 403, another tenant’s Admin 404', async () => {
    const jobId = await runExport({ columns: ['email'] }, { userIds: ['ana'] });
    expect((await download(jobId, '')).status).toBe(401);
    expect((await download(jobId, bearer('ana', 'Learner'))).status).toBe(403);
    expect((await download(jobId, bearer('hr', 'HR', tenant, ['labels', 'tasks']))).status).toBe(403);
    const foreign = await download(jobId, bearer('admin', 'Admin', other));
    expect(foreign.status).toBe(404);
    expect(foreign.bytes.toString()).not.toContain('ana@');
    // the participant API answers 404 for a job another tenant ran
    const direct = await fetch(`${process.env.IDENTITY_URL}/internal/tenants/${other}/jobs/${jobId}/artifact`);
    expect(direct.status).toBe(404);
    expect(((await direct.json()) as { code: string }).code).toBe('IDENTITY.NO_ARTIFACT');
  });

  it('a person deleted afterwards is gone from earlier exports too', async () => {
    const jobId = await runExport({ columns: ['userId', 'email'] }, { userIds: ['eva', 'dirk'] });
    const owner = bearer('owner', 'Owner');
    const del = await call('POST', '/v1/batch-jobs', owner, { action: 'delete', params: {}, selection: { userIds: ['eva'] } });
    expect(del.status).toBe(202);
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${del.body.id}`, owner)).body.status === 'completed', 60_000, 'the deletion');
    expect(await system.db('identity').collection('export_rows').countDocuments({ tenantId: tenant, userId: 'eva' })).toBe(0);
    const [, ...rows] = table((await download(jobId)).bytes);
    expect(rows).toEqual([['dirk', `dirk@${tenant}.test`]]);
  });
});
