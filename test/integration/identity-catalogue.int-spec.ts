import { ItemView, JobView } from '@cohort/contracts';
import { eventually, uniqueTenant } from '@cohort/testing';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';

type Person = ReturnType<typeof personDoc> & Record<string, unknown>;

/**
 * Every identity action of the catalogue, end to end through the orchestrator, identity and the
 * other services its saga passes (membership, learning, communications, all running): one job per
 * action over three people — one whose change succeeds (its effect checked in identity's store), one
 * skipped with the stable code a user sees, and an unknown id that fails IDENTITY.NOT_FOUND.
 */
interface Row {
  action: string;
  params?: Record<string, unknown>;
  /** the person the action changes, and what they look like afterwards (undefined: erased) */
  ok: Record<string, unknown>;
  effect: (after: Person | null) => void;
  /** the person it skips (undefined: the actor themself) and the code */
  skip?: Record<string, unknown>;
  skipCode: string;
}

const invitation = (tokenHash: string | null = 'old-hash') => ({ sentCount: 1, sentAt: new Date('2026-01-01'), tokenHash, cancelledAt: null });

const ROWS: Row[] = [
  {
    action: 'resend-invitation',
    ok: { status: 'invited', invitation: invitation() },
    effect: (p) => expect(p?.invitation).toMatchObject({ sentCount: 2, tokenHash: expect.not.stringMatching(/^old-hash$/) }),
    skip: {},
    skipCode: 'IDENTITY.ALREADY_ACTIVE',
  },
  {
    action: 'cancel-invitation',
    ok: { status: 'invited', invitation: invitation() },
    effect: (p) => expect(p).toMatchObject({ status: 'invited', invitation: { tokenHash: null, cancelledAt: expect.any(Date) } }),
    skip: {},
    skipCode: 'IDENTITY.ALREADY_ACTIVE',
  },
  {
    action: 'send-password-reset',
    ok: {},
    effect: (p) => expect(p?.passwordReset).toMatchObject({ tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/), usedAt: null }),
    skip: { status: 'invited', invitation: invitation() },
    skipCode: 'IDENTITY.WRONG_STATUS',
  },
  {
    action: 'change-role',
    params: { role: 'HR' },
    ok: {},
    effect: (p) => expect(p?.role).toBe('HR'),
    skip: { role: 'HR' },
    skipCode: 'IDENTITY.UNCHANGED',
  },
  {
    action: 'change-language',
    params: { language: 'nl' },
    ok: {},
    effect: (p) => expect(p?.language).toBe('nl'),
    skip: { language: 'nl' },
    skipCode: 'IDENTITY.UNCHANGED',
  },
  { action: 'deactivate', ok: {}, effect: (p) => expect(p?.status).toBe('deactivated'), skipCode: 'IDENTITY.SELF' },
  {
    action: 'reactivate',
    ok: { status: 'deactivated' },
    effect: (p) => expect(p?.status).toBe('active'),
    skip: {},
    skipCode: 'IDENTITY.UNCHANGED',
  },
  { action: 'delete', ok: {}, effect: (p) => expect(p).toBeNull(), skipCode: 'IDENTITY.SELF' },
  { action: 'archive-profile', ok: {}, effect: (p) => expect(p?.status).toBe('archived'), skipCode: 'IDENTITY.SELF' },
  {
    action: 'reactivate-profile',
    ok: { status: 'archived' },
    effect: (p) => expect(p?.status).toBe('active'),
    skip: {},
    skipCode: 'IDENTITY.UNCHANGED',
  },
  {
    action: 'add-labels',
    params: { labels: ['sales'] },
    ok: { labels: ['nl'] },
    effect: (p) => expect(p?.labels).toEqual(['nl', 'sales']),
    skip: { labels: ['sales'] },
    skipCode: 'IDENTITY.UNCHANGED',
  },
  {
    action: 'remove-labels',
    params: { labels: ['sales'] },
    ok: { labels: ['nl', 'sales'] },
    effect: (p) => expect(p?.labels).toEqual(['nl']),
    skip: { labels: ['nl'] },
    skipCode: 'IDENTITY.UNCHANGED',
  },
  {
    action: 'add-specialisms',
    params: { specialisms: ['forklift'] },
    ok: {},
    effect: (p) => expect(p?.specialisms).toEqual(['forklift']),
    skip: { specialisms: ['forklift'] },
    skipCode: 'IDENTITY.UNCHANGED',
  },
  {
    action: 'update-properties',
    params: { country: 'BE', profileVisibility: 'private' },
    ok: {},
    effect: (p) => expect(p).toMatchObject({ country: 'BE', profileVisibility: 'private' }),
    skip: { country: 'BE', profileVisibility: 'private' },
    skipCode: 'IDENTITY.UNCHANGED',
  },
];

describe('identity catalogue: every action with a success, a skip and a failure, end to end', () => {
  const tenant = uniqueTenant('catalogue');
  let system: CohortSystem;
  const people = () => system.db('identity').collection<Person>('people');

  async function finished(jobId: string) {
    await eventually(
      async () => ['completed', 'failed'].includes((await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body.status),
      90_000,
      `job ${jobId} to end`,
    );
    const items = await getJson<{ items: ItemView[] }>(`${system.jobsUrl(tenant)}/${jobId}/items`);
    return new Map(items.body.items.map((i) => [i.userId, i]));
  }

  beforeAll(async () => {
    system = await startSystem();
    for (const service of ['membership', 'learning', 'communications'] as const) await system.startParticipant(service);
    const rows = ROWS.flatMap((row) => [
      personDoc(tenant, `${row.action}-ok`, row.ok),
      ...(row.skip ? [personDoc(tenant, `${row.action}-skip`, row.skip)] : []),
    ]);
    await people().insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), personDoc(tenant, 'owner2', { role: 'Owner' }), ...rows]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it.each(ROWS.map((row) => [row.action, row] as const))('%s', async (action, row) => {
    const skipId = row.skip ? `${action}-skip` : 'owner';
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), {
      actorId: 'owner',
      action,
      params: row.params ?? {},
      selection: { userIds: [`${action}-ok`, skipId, `${action}-ghost`] },
      options: { approvalCount: 3 },
    });
    expect(res.status).toBe(202);
    const items = await finished(res.body.id);
    expect(items.get(`${action}-ok`)).toMatchObject({ status: 'succeeded' });
    expect(items.get(skipId)).toMatchObject({ status: 'skipped', code: row.skipCode });
    expect(items.get(`${action}-ghost`)).toMatchObject({ status: 'failed', code: 'IDENTITY.NOT_FOUND' });
    row.effect(await people().findOne({ _id: `${tenant}:${action}-ok` }));
    // the skipped person is exactly as before (one write at most: v counts them)
    expect(await people().findOne({ _id: `${tenant}:${skipId}` })).toMatchObject({ v: 1 });
  });

  it('invite-users from an uploaded CSV: a new account, an existing e-mail skipped, a bad row failed naming the column', async () => {
    const csv = ['email,name,role', 'new.person@example.test,New Person,HR', `owner2@${tenant}.test,Again,Learner`, 'not-an-email,Bad,Learner'].join(
      '\n',
    );
    const upload = await fetch(`${(await system.identity.getUrl()).replace('[::1]', '127.0.0.1')}/internal/tenants/${tenant}/imports?format=csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(upload.status).toBe(201);
    const summary = (await upload.json()) as { importId: string; rows: number; valid: number; invalid: number };
    expect(summary).toMatchObject({ rows: 3, valid: 2, invalid: 1 });
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), {
      actorId: 'owner',
      action: 'invite-users',
      params: {},
      selection: { importId: summary.importId },
    });
    expect(res.status).toBe(202);
    const items = [...(await finished(res.body.id)).values()];
    expect(items.map((i) => [i.status, i.code ?? null, i.message ?? null]).sort()).toEqual(
      [
        ['failed', 'IDENTITY.INVALID_ROW', expect.stringMatching(/row 4, column email/)],
        ['skipped', 'IDENTITY.EMAIL_EXISTS', expect.stringContaining(`owner2@${tenant}.test`)],
        ['succeeded', null, null],
      ].sort(),
    );
    expect(await people().findOne({ tenantId: tenant, email: 'new.person@example.test' })).toMatchObject({
      status: 'invited',
      role: 'HR',
      name: 'New Person',
      invitation: { sentCount: 1, tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('the audit: every job of the tenant with its actor, selection, parameters and outcome counts, filtered', async () => {
    const audit = async (query: string) => (await getJson<{ items: JobView[] }>(`${system.jobsUrl(tenant)}?${query}`)).body.items;
    const [roleJob] = await audit('action=change-role');
    expect(roleJob).toMatchObject({
      action: 'change-role',
      actorId: 'owner',
      params: { role: 'HR' },
      selection: { userIdCount: 3 },
      status: 'completed',
      counts: { succeeded: 1, skipped: 1, failed: 1 },
    });
    expect(await audit('action=change-role')).toHaveLength(1);
    expect((await audit('actorId=owner&limit=100')).length).toBeGreaterThanOrEqual(ROWS.length + 1);
    expect(await audit('actorId=nobody')).toEqual([]);
    expect(await audit(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    const bad = await getJson<{ code: string; details: { field: string } }>(`${system.jobsUrl(tenant)}?from=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.details.field).toBe('from');
  });
});
