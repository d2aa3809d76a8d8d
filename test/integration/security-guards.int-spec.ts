import { signToken } from '@cohort/auth';
import type { ItemView, Role } from '@cohort/contracts';
import { eventually, uniqueTenant } from '@cohort/testing';
import { gatewayClient, Json } from '../support/gateway-client';
import { CohortSystem, personDoc, startSystem } from '../support/system';

const THRESHOLD = 3;

/**
 * The guards of DESIGN.md §1 through the public API on the real system (identity, orchestrator, gateway,
 * membership, learning, communications):
 * - nobody deactivates, deletes, archives or demotes themself, and the last Owner of a tenant is never
 *   removed or demoted — each a per-person `skipped` row (IDENTITY.SELF / IDENTITY.LAST_OWNER), in the
 *   preview, the items and results.csv, while the rest of the job runs; of two Owners deleted together
 *   exactly one goes;
 * - a destructive job over APPROVAL_THRESHOLD people runs only with the typed count
 *   (`options.approvalCount` = the number of people): refused at confirm without it or with a wrong one,
 *   and a job submitted without a preview fails JOB.APPROVAL_REQUIRED before anyone is touched.
 */
describe('security: self and last-Owner guards, typed approval of large destructive jobs', () => {
  const tenant = uniqueTenant('secguard');
  let system: CohortSystem;
  let base: string;
  const call = gatewayClient(() => base);
  const as = (sub: string, role: Role) => `Bearer ${signToken({ sub, tid: tenant, role, email: `${sub}@${tenant}.test` })}`;
  const boss = as('boss', 'Owner');
  const admin = as('adm', 'Admin');
  const people = () => system.db('identity').collection<ReturnType<typeof personDoc>>('people');
  const personOf = (userId: string) => people().findOne({ _id: `${tenant}:${userId}` });

  async function run(token: string, action: string, userIds: string[], params: Json = {}): Promise<{ jobId: string; rows: Record<string, string> }> {
    const submitted = await call('POST', '/v1/batch-jobs', token, { action, params, selection: { userIds } });
    expect(submitted.status).toBe(202);
    const jobId = submitted.body.id as string;
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${jobId}`, token)).body.status === 'completed', 90_000, `${action} job`);
    const items = (await call('GET', `/v1/batch-jobs/${jobId}/items?limit=100`, token)).body.items as ItemView[];
    return { jobId, rows: Object.fromEntries(items.map((i) => [i.userId, `${i.status}${i.code ? ` ${i.code}` : ''}`])) };
  }

  beforeAll(async () => {
    system = await startSystem({
      gateway: true,
      env: { APPROVAL_THRESHOLD: String(THRESHOLD), GATEWAY_AUTH_CACHE_MS: '0', ORCH_PROGRESS_MS: '300' },
    });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    for (const service of ['membership', 'learning', 'communications'] as const) await system.startParticipant(service);
    await people().insertMany([
      personDoc(tenant, 'boss', { role: 'Owner' }),
      personDoc(tenant, 'boss2', { role: 'Admin' }),
      personDoc(tenant, 'adm', { role: 'Admin', permissions: ['delete'] }),
      ...Array.from({ length: 5 }, (_, i) => personDoc(tenant, `l${i}`, { labels: ['batch'] })),
      ...['deactivate', 'archive-profile', 'delete', 'change-role'].map((action) => personDoc(tenant, `x-${action}`)),
    ]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it.each([
    ['deactivate', {}],
    ['archive-profile', {}],
    ['delete', {}],
    ['change-role', { role: 'HR' }],
  ])('the only Owner cannot %s themself: a skipped SELF row, the others of the job done', async (action, params) => {
    const { rows } = await run(boss, action, ['boss', `x-${action}`], params);
    expect(rows).toEqual({ boss: 'skipped IDENTITY.SELF', [`x-${action}`]: 'succeeded' });
    expect(await personOf('boss')).toMatchObject({ role: 'Owner', status: 'active' });
  });

  it('an Admin cannot remove or demote the last Owner (LAST_OWNER rows), nor demote themself (SELF), shown in the preview first', async () => {
    const preview = await call('POST', '/v1/batch-jobs/preview', admin, {
      action: 'deactivate',
      params: {},
      selection: { userIds: ['boss', 'adm', 'l1'] },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'IDENTITY.LAST_OWNER', count: 1 }),
        expect.objectContaining({ code: 'IDENTITY.SELF', count: 1 }),
      ]),
    );
    for (const [action, params] of [
      ['deactivate', {}],
      ['archive-profile', {}],
      ['delete', {}],
    ] as const) {
      const { rows } = await run(admin, action, ['boss', 'adm'], params);
      expect([action, rows]).toEqual([action, { boss: 'skipped IDENTITY.LAST_OWNER', adm: 'skipped IDENTITY.SELF' }]);
    }
    const demote = await run(admin, 'change-role', ['boss', 'adm', 'l1'], { role: 'HR' });
    expect(demote.rows).toEqual({ boss: 'skipped IDENTITY.LAST_OWNER', adm: 'skipped IDENTITY.SELF', l1: 'succeeded' });
    expect(await personOf('boss')).toMatchObject({ role: 'Owner', status: 'active' });
    expect(await personOf('adm')).toMatchObject({ role: 'Admin', status: 'active' });

    // the rows as the administrator downloads them
    const csv = await call('GET', `/v1/batch-jobs/${demote.jobId}/results.csv`, admin);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines.find((l) => l.startsWith('boss,'))).toMatch(/^boss,skipped,IDENTITY\.LAST_OWNER,/);
    expect(lines.find((l) => l.startsWith('adm,'))).toMatch(/^adm,skipped,IDENTITY\.SELF,/);
  });

  it('of two Owners deleted in one job exactly one goes; the tenant keeps an Owner', async () => {
    expect((await run(boss, 'change-role', ['boss2'], { role: 'Owner' })).rows).toEqual({ boss2: 'succeeded' });
    const { rows } = await run(admin, 'delete', ['boss', 'boss2']);
    expect(Object.values(rows).sort()).toEqual(['skipped IDENTITY.LAST_OWNER', 'succeeded']);
    const owners = await people().find({ tenantId: tenant, role: 'Owner', status: 'active' }).toArray();
    expect(owners).toHaveLength(1);
  });

  it(`a destructive job over ${THRESHOLD} people needs the typed count at confirm: none or a wrong one is refused, the right one runs`, async () => {
    const selection = { userIds: ['l0', 'l2', 'l3', 'l4'] };
    const preview = await call('POST', '/v1/batch-jobs/preview', admin, { action: 'deactivate', params: {}, selection });
    expect(preview.body).toMatchObject({ total: 4, requiresApprovalCount: true });
    expect(preview.body.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'APPROVAL_REQUIRED' })]));
    const confirm = (options: Json) =>
      call('POST', '/v1/batch-jobs', admin, { action: 'deactivate', params: {}, selection, snapshotId: preview.body.snapshotId, options });
    for (const options of [{}, { approvalCount: 3 }, { approvalCount: 40 }]) {
      const refused = await confirm(options);
      expect([options, refused.status, refused.body.code, refused.body.details?.field]).toEqual([
        options,
        400,
        'JOB.APPROVAL_REQUIRED',
        'options.approvalCount',
      ]);
    }
    for (const id of selection.userIds) expect((await personOf(id))?.status).toBe('active');
    const confirmed = await confirm({ approvalCount: 4 });
    expect(confirmed.status).toBe(202);
    await eventually(
      async () => (await call('GET', `/v1/batch-jobs/${confirmed.body.id}`, admin)).body.status === 'completed',
      90_000,
      'the approved job',
    );
    for (const id of selection.userIds) expect((await personOf(id))?.status).toBe('deactivated');
  });

  it('a large destructive job submitted without a preview and without the count fails JOB.APPROVAL_REQUIRED, touching nobody', async () => {
    const submitted = await call('POST', '/v1/batch-jobs', admin, {
      action: 'archive-profile',
      params: {},
      selection: { filter: { labels: ['batch'] } },
    });
    expect(submitted.status).toBe(202);
    const job = await eventually(
      async () => {
        const view = await call('GET', `/v1/batch-jobs/${submitted.body.id}`, admin);
        return view.body.status === 'failed' && view.body;
      },
      60_000,
      'the job to fail',
    );
    expect(job).toMatchObject({ total: 5, reason: { code: 'JOB.APPROVAL_REQUIRED', field: 'options.approvalCount' } });
    expect(await people().countDocuments({ tenantId: tenant, labels: 'batch', status: 'archived' })).toBe(0);
  });
});
