import { signToken } from '@cohort/auth';
import { eventually, uniqueTenant } from '@cohort/testing';
import { JobEventsConsumer } from '../../apps/gateway/src/jobs/events/job-events.consumer';
import { CohortSystem, personDoc, startSystem } from '../support/system';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What an administrator does, over the public HTTP API of the gateway, on the real system:
 * preview → confirm → live progress (SSE) → per-person outcomes with skips → results.csv → undo.
 */
describe('HTTP: preview → confirm → SSE progress → results → undo', () => {
  const tenant = uniqueTenant('http');
  let system: CohortSystem;
  let base: string;
  const token = signToken({ sub: 'admin', tid: tenant, role: 'Admin', email: `admin@${tenant}.test` });
  const auth = { authorization: `Bearer ${token}` };
  const roles: Record<string, string> = { admin: 'Admin', boss1: 'Owner', boss2: 'Owner' };
  for (let i = 0; i < 10; i++) roles[`p${i}`] = i % 2 ? 'HR' : 'Learner';
  const selection = { userIds: [...Object.keys(roles), 'ghost'] };
  const people = () => system.db('identity').collection<ReturnType<typeof personDoc>>('people');

  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Json; text: string }> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...auth, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Json = {};
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      /* CSV or empty */
    }
    return { status: res.status, body: parsed, text };
  }

  /** Reads a server-sent event stream to its end: [{event, data}]. */
  async function readEvents(path: string): Promise<{ event: string; data: Json }[]> {
    const res = await fetch(`${base}${path}`, { headers: { ...auth, accept: 'text/event-stream' }, signal: AbortSignal.timeout(60_000) });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await res.text();
    return text
      .split('\n\n')
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message', data: /^data: (.*)$/m.exec(block)?.[1] }))
      .filter((e): e is { event: string; data: string } => e.data !== undefined)
      .map((e) => ({ event: e.event, data: JSON.parse(e.data) as Json }));
  }

  beforeAll(async () => {
    system = await startSystem({ gateway: true, env: { ORCH_PROGRESS_MS: '300' } });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    await people().insertMany(Object.entries(roles).map(([id, role]) => personDoc(tenant, id, { role })));
    await eventually(async () => system.gateway!.get(JobEventsConsumer).running, 30_000, 'the gateway to follow job events');
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('answers 400 naming the field, and 401 without a token', async () => {
    const bad = await call('POST', '/v1/batch-jobs', { action: 'change-role', params: { role: 'Emperor' }, selection });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: expect.any(String), details: { field: 'params.role' } });
    const anonymous = await fetch(`${base}/v1/batch-jobs`);
    expect(anonymous.status).toBe(401);
  });

  it('runs a change of role the way an administrator does, and undoes it', async () => {
    const request = { action: 'change-role', params: { role: 'Manager' }, selection };
    const preview = await call('POST', '/v1/batch-jobs/preview', request);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ total: 14, exact: true });
    expect(preview.body.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'IDENTITY.SELF', count: 1 })]));
    expect(preview.body.failed).toEqual([expect.objectContaining({ code: 'IDENTITY.NOT_FOUND', count: 1 })]);
    expect(preview.body.sample).toEqual(expect.arrayContaining([expect.objectContaining({ before: 'Learner', after: 'Manager' })]));

    // scheduled a moment ahead, so the live stream is open before the job starts
    const scheduledAt = new Date(Date.now() + 2500).toISOString();
    const key = { 'idempotency-key': `http-${tenant}` };
    const confirm = await call('POST', '/v1/batch-jobs', { ...request, snapshotId: preview.body.snapshotId, options: { scheduledAt } }, key);
    expect(confirm.status).toBe(202);
    const jobId = confirm.body.id as string;
    expect(confirm.body.status).toBe('scheduled');
    const again = await call('POST', '/v1/batch-jobs', { ...request, snapshotId: preview.body.snapshotId, options: { scheduledAt } }, key);
    expect(again).toMatchObject({ status: 200, body: { id: jobId } });

    const events = await readEvents(`/v1/batch-jobs/${jobId}/events`);
    const types = events.map((e) => e.event);
    expect(types[0]).toBe('snapshot');
    expect(types).toContain('progress');
    expect(types[types.length - 1]).toBe('completed');
    const done = events[events.length - 1].data;
    expect(done.counts).toMatchObject({ succeeded: 11, skipped: 2, failed: 1, pending: 0, running: 0 });

    const skipped = await call('GET', `/v1/batch-jobs/${jobId}/items?status=skipped`);
    expect(skipped.body.items.map((i: Json) => [i.userId, i.code]).sort()).toEqual([
      ['admin', 'IDENTITY.SELF'],
      ['boss2', 'IDENTITY.LAST_OWNER'],
    ]);
    for (const [id, role] of Object.entries(roles)) {
      const expected = id === 'admin' || id === 'boss2' ? role : 'Manager';
      expect((await people().findOne({ _id: `${tenant}:${id}` }))?.role).toBe(expected);
    }

    const csv = await call('GET', `/v1/batch-jobs/${jobId}/results.csv`);
    expect(csv.status).toBe(200);
    const [header, ...rows] = csv.text.trim().split(/\r?\n/);
    expect(header.split(',').slice(0, 3)).toEqual(['userId', 'status', 'code']);
    expect(rows).toHaveLength(14);
    const statusOf = Object.fromEntries(rows.map((r) => r.split(',').slice(0, 2)));
    expect(statusOf).toMatchObject({ admin: 'skipped', boss1: 'succeeded', boss2: 'skipped', ghost: 'failed', p0: 'succeeded', p9: 'succeeded' });

    const undo = await call('POST', `/v1/batch-jobs/${jobId}/undo`);
    expect(undo.status).toBe(202);
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${undo.body.id}`)).body.status === 'completed', 60_000, 'the undo job');
    for (const [id, role] of Object.entries(roles)) expect((await people().findOne({ _id: `${tenant}:${id}` }))?.role).toBe(role);
    const history = await call('GET', '/v1/batch-jobs');
    expect(history.body.items.map((j: Json) => j.id)).toEqual([undo.body.id, jobId]);
  });
});
