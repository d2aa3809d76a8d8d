import { ItemPage, JobView, WorkChunk } from '@cohort/contracts';
import { eventually, TopicRecorder, uniqueTenant, workLanes } from '@cohort/testing';
import { issueToken, parseToken, verifySecret } from '../../apps/identity/src/tokens/secrets';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';

type Person = Omit<ReturnType<typeof personDoc>, 'invitation'> & {
  invitation: { sentCount: number; sentAt: Date; tokenHash: string | null; cancelledAt?: Date | null } | null;
  passwordReset?: { tokenHash: string; expiresAt: Date; usedAt: Date | null } | null;
  passwordHash?: string | null;
};
type Refusal = { code: string; message: string; details: { field?: string } };

/**
 * Invitations and password resets through real parts: jobs on the orchestrator's internal API → identity
 * work → per-person outcomes, the token handed to the communications step on its work topic, and the
 * links redeemed on identity's internal HTTP routes against the real store.
 */
describe('invitations and password resets: token out through the saga, redeemed over HTTP', () => {
  let system: CohortSystem;
  let recorder: TopicRecorder;
  let identityUrl: string;
  const people = () => system.db('identity').collection<Person>('people');
  const byId = async (tenant: string, userId: string) => (await people().findOne({ _id: `${tenant}:${userId}` }))!;
  const invitedDoc = (tenant: string, userId: string, tokenHash: string, fields: Record<string, unknown> = {}) =>
    personDoc(tenant, userId, {
      status: 'invited',
      invitation: { sentCount: 1, sentAt: new Date('2025-01-01'), tokenHash, cancelledAt: null },
      ...fields,
    });

  const accept = (body: Record<string, unknown>) => postJson<Refusal & { status: string }>(`${identityUrl}/internal/invitations/accept`, body);
  const completeReset = (token: string, password = 'a brand new password') =>
    postJson<Refusal & { status: string }>(`${identityUrl}/internal/password-resets/complete`, { token, password });

  /** Submits a job as the tenant's Owner and returns its id. */
  async function runJob(tenant: string, action: string, userIds: string[]): Promise<string> {
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), { actorId: 'owner', action, params: {}, selection: { userIds } });
    expect(res.status).toBe(202);
    return res.body.id;
  }
  /** The job's people that ended in `status` (waiting until `count` have), as [userId, code]. */
  async function ended(tenant: string, jobId: string, status: 'skipped' | 'failed', count: number): Promise<string[][]> {
    const items = await eventually(
      async () => {
        const page = await getJson<ItemPage>(`${system.jobsUrl(tenant)}/${jobId}/items?status=${status}`);
        return page.body.items.length >= count && page.body.items;
      },
      60_000,
      `${count} ${status} people of job ${jobId}`,
    );
    return items.map((i) => [i.userId, i.code ?? '']).sort();
  }
  /** The communications step's work chunk of the job, as the orchestrator dispatched it. */
  async function communicationsWork(jobId: string): Promise<WorkChunk> {
    const [work] = await recorder.waitFor<WorkChunk>(workLanes('communications'), (w) => w.jobId === jobId, 1, 60_000);
    return work;
  }

  beforeAll(async () => {
    recorder = await new TopicRecorder(workLanes('communications')).start();
    system = await startSystem();
    identityUrl = (await system.identity.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await recorder?.stop();
    await system?.stop();
  });

  it('resend-invitation issues a new link that reaches the e-mail step and activates the person once; the old link is dead', async () => {
    const tenant = uniqueTenant('resend');
    const old = issueToken(tenant, 'inv');
    await people().insertMany([
      personDoc(tenant, 'owner', { role: 'Owner' }),
      personDoc(tenant, 'act'),
      invitedDoc(tenant, 'inv', old.hash, { name: 'Ivy', language: 'nl' }),
    ]);
    const jobId = await runJob(tenant, 'resend-invitation', ['inv', 'act', 'ghost']);

    expect(await ended(tenant, jobId, 'skipped', 1)).toEqual([['act', 'IDENTITY.ALREADY_ACTIVE']]);
    expect(await ended(tenant, jobId, 'failed', 1)).toEqual([['ghost', 'IDENTITY.NOT_FOUND']]);
    const work = await communicationsWork(jobId);
    expect(work.userIds).toEqual(['inv']);
    expect(work.data?.inv).toMatchObject({ kind: 'invitation', email: `inv@${tenant}.test`, name: 'Ivy', language: 'nl', token: expect.any(String) });
    const token = String(work.data?.inv?.token);
    const stored = await byId(tenant, 'inv');
    expect(stored.invitation).toMatchObject({ sentCount: 2, tokenHash: parseToken(token)?.hash, cancelledAt: null });
    expect(stored.invitation?.tokenHash).not.toBe(old.hash);

    const refusedOld = await accept({ token: old.token });
    expect(refusedOld).toMatchObject({ status: 400, body: { code: 'IDENTITY.TOKEN_INVALID', details: { field: 'token' } } });
    expect(refusedOld.body.message).toBe('this invitation link is no longer valid: it was replaced by a newer one, cancelled, or used'); // names nobody

    const accepted = await accept({ token, name: 'Ivy Green', password: 'my long password' });
    expect(accepted).toEqual({ status: 200, body: { tenantId: tenant, userId: 'inv', status: 'active' } });
    const active = await byId(tenant, 'inv');
    expect(active).toMatchObject({
      status: 'active',
      invitation: null,
      name: 'Ivy Green',
      search: `ivy green inv@${tenant}.test`,
      lastActiveAt: expect.any(Date),
    });
    expect(await verifySecret('my long password', active.passwordHash)).toBe(true);
    expect(await accept({ token })).toMatchObject({ status: 400, body: { code: 'IDENTITY.TOKEN_INVALID' } });
  });

  it('an accepted Owner joins the owners list, once for two clicks at once; a bad body or a malformed token is a 400 naming the field', async () => {
    const tenant = uniqueTenant('boss');
    const link = issueToken(tenant, 'boss');
    await people().insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), invitedDoc(tenant, 'boss', link.hash, { role: 'Owner' })]);
    const tenants = system.db('identity').collection<{ _id: string; owners: string[] }>('tenants');
    await tenants.insertOne({ _id: tenant, owners: ['owner'] });

    expect(await accept({ token: link.token, password: 'short' })).toMatchObject({
      status: 400,
      body: { code: 'IDENTITY.INVALID_REQUEST', details: { field: 'password' } },
    });
    expect(await accept({ token: 'not-a-token' })).toMatchObject({ status: 400, body: { code: 'IDENTITY.TOKEN_INVALID' } });
    const both = await Promise.all([accept({ token: link.token }), accept({ token: link.token })]); // two clicks at once
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
    expect((await tenants.findOne({ _id: tenant }))?.owners.sort()).toEqual(['boss', 'owner']);
  });

  it('cancel-invitation kills the link but keeps the person invited', async () => {
    const tenant = uniqueTenant('cancel');
    const link = issueToken(tenant, 'inv');
    await people().insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), personDoc(tenant, 'act'), invitedDoc(tenant, 'inv', link.hash)]);
    const jobId = await runJob(tenant, 'cancel-invitation', ['inv', 'act']);
    await eventually(
      async () => (await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body.status === 'completed',
      60_000,
      'the cancel job',
    );
    expect(await ended(tenant, jobId, 'skipped', 1)).toEqual([['act', 'IDENTITY.ALREADY_ACTIVE']]);

    const stored = await byId(tenant, 'inv');
    expect(stored).toMatchObject({ status: 'invited', invitation: { sentCount: 1, tokenHash: null, cancelledAt: expect.any(Date) } });
    expect(await accept({ token: link.token })).toMatchObject({ status: 400, body: { code: 'IDENTITY.TOKEN_INVALID' } });
  });

  it('send-password-reset hands a link to the e-mail step that works once; an expired one is 410', async () => {
    const tenant = uniqueTenant('reset');
    await people().insertMany([
      personDoc(tenant, 'owner', { role: 'Owner' }),
      personDoc(tenant, 'pw', { name: 'Pat' }),
      personDoc(tenant, 'late'),
      invitedDoc(tenant, 'inv', 'h'),
    ]);
    const started = Date.now();
    const jobId = await runJob(tenant, 'send-password-reset', ['pw', 'late', 'inv']);
    expect(await ended(tenant, jobId, 'skipped', 1)).toEqual([['inv', 'IDENTITY.WRONG_STATUS']]);
    const work = await communicationsWork(jobId);
    expect(work.userIds.sort()).toEqual(['late', 'pw']);
    expect(work.data?.pw).toMatchObject({
      kind: 'password-reset',
      email: `pw@${tenant}.test`,
      name: 'Pat',
      token: expect.any(String),
      expiresAt: expect.any(String),
    });
    const expiresAt = Date.parse(String(work.data?.pw?.expiresAt));
    expect(expiresAt).toBeGreaterThanOrEqual(started + 24 * 3_600_000 - 1000); // the 24 h default
    expect((await byId(tenant, 'pw')).passwordReset).toMatchObject({ tokenHash: parseToken(String(work.data?.pw?.token))?.hash, usedAt: null });

    const token = String(work.data?.pw?.token);
    expect(await completeReset(token)).toEqual({ status: 200, body: { tenantId: tenant, userId: 'pw', status: 'active' } });
    const reset = await byId(tenant, 'pw');
    expect(await verifySecret('a brand new password', reset.passwordHash)).toBe(true);
    expect(reset.passwordReset?.usedAt).toEqual(expect.any(Date));
    expect(await completeReset(token, 'another new password')).toMatchObject({ status: 400, body: { code: 'IDENTITY.TOKEN_INVALID' } });
    expect(await verifySecret('a brand new password', (await byId(tenant, 'pw')).passwordHash)).toBe(true);

    await people().updateOne({ _id: `${tenant}:late` }, { $set: { 'passwordReset.expiresAt': new Date(Date.now() - 1000) } });
    const expired = await completeReset(String(work.data?.late?.token));
    expect(expired).toMatchObject({ status: 410, body: { code: 'IDENTITY.TOKEN_EXPIRED', details: { field: 'token' } } });
    expect((await byId(tenant, 'late')).passwordHash ?? null).toBeNull();
  });
});
