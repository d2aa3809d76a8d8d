import { Producer } from 'kafkajs';
import { BatchCommand, ChunkResult, dlqTopic, JobEvent, TOPICS, WorkChunk, workTopic } from '@cohort/contracts';
import { eventually, plainProducer, startService, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';

const IDENTITY_EXPRESS = workTopic('identity', TOPICS, 'express');

type Person = ReturnType<typeof personDoc>;

/**
 * The batch engine through real parts: commands on Kafka and the orchestrator's HTTP API → orchestrator
 * (jobs in the store) → identity work topic → identity (people in the store) → results → job events.
 */
describe('batch engine: commands → orchestrator → identity → results → events', () => {
  let system: CohortSystem;
  let producer: Producer;
  let recorder: TopicRecorder;
  const people = () => system.db('identity').collection<Person>('people');
  const byId = async (tenant: string, userId: string) => people().findOne({ _id: `${tenant}:${userId}` });

  async function seed(tenant: string, count: number, fields: (i: number) => Record<string, unknown> = () => ({})) {
    const docs = [
      personDoc(tenant, 'owner', { role: 'Owner' }),
      personDoc(tenant, 'learner', { role: 'Learner' }),
      ...Array.from({ length: count }, (_, i) => personDoc(tenant, `p${String(i).padStart(5, '0')}`, fields(i))),
    ];
    for (let i = 0; i < docs.length; i += 5000) await people().insertMany(docs.slice(i, i + 5000));
  }

  const command = (tenant: string, fields: Partial<BatchCommand>): BatchCommand => ({
    commandId: `cmd-${Math.random().toString(36).slice(2)}`,
    tenantId: tenant,
    actor: { userId: 'owner' },
    action: 'change-language',
    params: { language: 'nl' },
    selection: { userIds: ['p00000'] },
    ...fields,
  });
  const publish = (value: unknown, key = 'k') =>
    producer.send({ topic: TOPICS.commands, messages: [{ key, value: typeof value === 'string' ? value : JSON.stringify(value) }] });
  const eventOf = <T extends JobEvent['type']>(type: T, match: (e: Extract<JobEvent, { type: T }>) => boolean, count = 1, timeoutMs = 60000) =>
    recorder.waitFor<Extract<JobEvent, { type: T }>>(TOPICS.events, (e) => e.type === type && match(e), count, timeoutMs);

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.events, TOPICS.identityWork, IDENTITY_EXPRESS, TOPICS.results, dlqTopic(TOPICS.commands)]).start();
    system = await startSystem({
      env: { ORCH_EXPRESS_MAX: '5', ORCH_WINDOW: '2', ORCH_RETRY_BASE_MS: '200', ORCH_PROGRESS_MS: '300', APPROVAL_THRESHOLD: '50' },
    });
    producer = await plainProducer();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('runs a command published on Kafka to completion, once per commandId', async () => {
    const tenant = uniqueTenant('kafka');
    const other = uniqueTenant('other');
    await seed(tenant, 3, (i) => ({ language: i === 2 ? 'nl' : 'en' }));
    await seed(other, 1);
    const cmd = command(tenant, { selection: { userIds: ['p00000', 'p00001', 'p00002', 'p00000', 'nobody'] } });
    await publish(cmd, tenant);
    const [accepted] = await eventOf('accepted', (e) => e.commandId === cmd.commandId);
    const [done] = await eventOf('completed', (e) => e.jobId === accepted.jobId);
    expect(done.total).toBe(4);
    expect(done.counts).toMatchObject({ succeeded: 2, skipped: 1, failed: 1, pending: 0, running: 0 });
    expect((await byId(tenant, 'p00000'))?.language).toBe('nl');
    expect((await byId(other, 'p00000'))?.language).toBe('en'); // the other tenant's namesake is never touched

    await publish(cmd, tenant); // the same commandId again
    await publish(command(tenant, { params: { language: 'de' }, selection: { userIds: ['p00001'] } }), tenant);
    await eventOf('completed', (e) => e.tenantId === tenant, 2);
    expect(
      recorder.messages.filter(
        (m) => m.topic === TOPICS.events && (m.body as JobEvent).type === 'accepted' && (m.body as { commandId: string }).commandId === cmd.commandId,
      ),
    ).toHaveLength(1);
    const list = await getJson<{ items: { id: string }[] }>(system.jobsUrl(tenant));
    expect(list.body.items).toHaveLength(2);
  });

  it('rejects malformed, unknown, unauthorised and cross-tenant commands with a reason, and keeps consuming', async () => {
    const tenant = uniqueTenant('reject');
    const other = uniqueTenant('reject-other');
    await seed(tenant, 2);
    await seed(other, 0);
    await publish('{not json', tenant);
    const unknown = command(tenant, { action: 'launch-rockets' });
    const forbidden = command(tenant, { actor: { userId: 'learner' } });
    const crossTenant = command(tenant, { actor: { userId: 'owner-of-other' } });
    await people().insertOne(personDoc(other, 'owner-of-other', { role: 'Owner' }));
    const badParams = command(tenant, { params: { language: 'klingon' } });
    for (const c of [unknown, forbidden, crossTenant, badParams]) await publish(c, tenant);
    const ok = command(tenant, {});
    await publish(ok, tenant);

    const reasons = async (c: BatchCommand) => (await eventOf('rejected', (e) => e.commandId === c.commandId))[0].reason;
    expect(await reasons(unknown)).toMatchObject({ code: 'COMMAND.UNKNOWN_ACTION', field: 'action' });
    expect(await reasons(forbidden)).toMatchObject({ code: 'AUTH.FORBIDDEN', field: 'action' });
    expect(await reasons(crossTenant)).toMatchObject({ code: 'AUTH.UNKNOWN_ACTOR', field: 'actor.userId' });
    expect(await reasons(badParams)).toMatchObject({ code: 'COMMAND.INVALID_PARAMS', field: 'params.language' });
    // this test's dead letters (keyed by its tenant): other tests of the run share the topic
    const dead = () => recorder.messages.filter((m) => m.topic === dlqTopic(TOPICS.commands) && m.message.key?.toString() === tenant);
    await eventually(async () => dead().length >= 5, 30_000, 'the five dead letters');
    expect(dead()).toHaveLength(5);
    const [accepted] = await eventOf('accepted', (e) => e.commandId === ok.commandId);
    await eventOf('completed', (e) => e.jobId === accepted.jobId);
    expect((await byId(tenant, 'p00000'))?.language).toBe('nl');
    expect((await byId(tenant, 'p00001'))?.language).toBe('en'); // no rejected command changed anyone
  });

  it('sends small jobs (explicit ids or a filter) on the express lane of the work topic and larger ones on the bulk topic', async () => {
    const tenant = uniqueTenant('lanes');
    await seed(tenant, 6, (i) => ({ language: i < 2 ? 'fr' : 'en' }));
    const six = ['p00000', 'p00001', 'p00002', 'p00003', 'p00004', 'p00005'];
    const jobs = {
      ids: command(tenant, { selection: { userIds: ['p00002', 'p00003'] } }),
      filter: command(tenant, { selection: { filter: { languages: ['fr'] } }, params: { language: 'de' } }),
      large: command(tenant, { selection: { userIds: six }, params: { language: 'es' } }),
    };
    const jobIds: Record<string, string> = {};
    for (const [name, cmd] of Object.entries(jobs)) {
      await publish(cmd, tenant);
      const [accepted] = await eventOf('accepted', (e) => e.commandId === cmd.commandId);
      await eventOf('completed', (e) => e.jobId === accepted.jobId);
      jobIds[name] = accepted.jobId;
    }
    const lanes = (jobId: string) =>
      recorder.messages
        .filter((m) => [TOPICS.identityWork, IDENTITY_EXPRESS].includes(m.topic) && (m.body as WorkChunk).jobId === jobId)
        .map((m) => m.topic);
    expect(lanes(jobIds.ids)).toEqual([IDENTITY_EXPRESS]); // 2 people ≤ ORCH_EXPRESS_MAX (5)
    expect(lanes(jobIds.filter)).toEqual([IDENTITY_EXPRESS]); // a filter matching 2 people
    expect(lanes(jobIds.large)).toEqual([TOPICS.identityWork]); // 6 people
    expect(
      (
        await people()
          .find({ tenantId: tenant, userId: { $in: six } })
          .toArray()
      ).every((p) => p.language === 'es'),
    ).toBe(true);
  });

  it('a work chunk delivered twice changes nothing twice', async () => {
    const tenant = uniqueTenant('redeliver');
    await seed(tenant, 20);
    const ids = Array.from({ length: 20 }, (_, i) => `p${String(i).padStart(5, '0')}`);
    const cmd = command(tenant, { selection: { userIds: ids }, options: { chunkSize: 5 } });
    await publish(cmd, tenant);
    const [accepted] = await eventOf('accepted', (e) => e.commandId === cmd.commandId);
    await eventOf('completed', (e) => e.jobId === accepted.jobId);
    const sent = await recorder.waitFor<WorkChunk>(TOPICS.identityWork, (w) => w.jobId === accepted.jobId, 4);
    for (const w of sent) await producer.send({ topic: TOPICS.identityWork, messages: [{ key: w.jobId, value: JSON.stringify(w) }] });
    await eventually(async () => (await recorder.waitFor<WorkChunk>(TOPICS.identityWork, (w) => w.jobId === accepted.jobId, 8)).length === 8, 10000);
    await new Promise((r) => setTimeout(r, 1500));
    const docs = await Promise.all(ids.map((id) => byId(tenant, id)));
    expect(docs.map((d) => [d?.language, d?.v])).toEqual(ids.map(() => ['nl', 2]));
    const job = await getJson<{ counts: Record<string, number>; status: string }>(`${system.jobsUrl(tenant)}/${accepted.jobId}`);
    expect(job.body).toMatchObject({ status: 'completed', counts: { succeeded: 20, failed: 0 } });
  });

  it('cancels a running job: in-flight chunks finish, the rest are cancelled', async () => {
    const tenant = uniqueTenant('cancel');
    await seed(tenant, 600);
    const cmd = command(tenant, { selection: { filter: { roles: ['Learner'] } }, options: { chunkSize: 5 } });
    await publish(cmd, tenant);
    const [accepted] = await eventOf('accepted', (e) => e.commandId === cmd.commandId);
    await eventOf('progress', (e) => e.jobId === accepted.jobId && e.counts.succeeded > 0);
    const cancel = await postJson(`${system.jobsUrl(tenant)}/${accepted.jobId}/cancel`, { actorId: 'owner' });
    expect(cancel.status).toBe(200);
    const [ended] = await eventOf('cancelled', (e) => e.jobId === accepted.jobId);
    expect(ended.counts.cancelled).toBeGreaterThan(0);
    expect(ended.counts.succeeded + ended.counts.cancelled + ended.counts.skipped).toBe(ended.total);
    const changed = await people().countDocuments({ tenantId: tenant, language: 'nl' });
    expect(changed).toBe(ended.counts.succeeded);
    const again = await postJson(`${system.jobsUrl(tenant)}/${accepted.jobId}/cancel`, { actorId: 'owner' });
    expect(again.body).toMatchObject({ code: 'JOB.NOT_CANCELLABLE' });
  });

  it('retries the failed people of a finished job in a new job', async () => {
    const tenant = uniqueTenant('retry');
    await seed(tenant, 2);
    const submit = await postJson<{ id: string }>(system.jobsUrl(tenant), {
      actorId: 'owner',
      action: 'change-language',
      params: { language: 'fr' },
      selection: { userIds: ['p00000', 'late'] },
    });
    expect(submit.status).toBe(202);
    const [first] = await eventOf('completed', (e) => e.jobId === submit.body.id);
    expect(first.counts).toMatchObject({ succeeded: 1, failed: 1 });
    const items = await getJson<{ items: { userId: string; code: string }[] }>(`${system.jobsUrl(tenant)}/${submit.body.id}/items?status=failed`);
    expect(items.body.items).toEqual([expect.objectContaining({ userId: 'late', code: 'IDENTITY.NOT_FOUND' })]);
    await people().insertOne(personDoc(tenant, 'late')); // the cause of the failure is fixed
    const retry = await postJson<{ id: string }>(`${system.jobsUrl(tenant)}/${submit.body.id}/retry`, { actorId: 'owner' });
    expect(retry.status).toBe(202);
    const [second] = await eventOf('completed', (e) => e.jobId === retry.body.id);
    expect(second).toMatchObject({ total: 1, counts: expect.objectContaining({ succeeded: 1 }) });
    expect((await byId(tenant, 'late'))?.language).toBe('fr');
    const same = await postJson<{ id: string; duplicate: boolean }>(`${system.jobsUrl(tenant)}/${submit.body.id}/retry`, { actorId: 'owner' });
    expect(same.body).toMatchObject({ id: retry.body.id, duplicate: true });
  });

  it('previews, runs exactly the snapshot, and undoes every change', async () => {
    const tenant = uniqueTenant('undo');
    await seed(tenant, 30, (i) => ({ role: i % 3 === 0 ? 'HR' : 'Learner', language: 'en' }));
    const request = {
      actorId: 'owner',
      action: 'change-role',
      params: { role: 'Manager' },
      selection: { filter: { roles: ['HR', 'Learner'] }, excludeIds: ['learner'] },
    };
    const preview = await postJson<{ snapshotId: string; total: number; willChange: number; sample: { before: unknown; after: unknown }[] }>(
      `${system.jobsUrl(tenant)}/preview`,
      request,
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ total: 30, willChange: 30, exact: true });
    expect(preview.body.sample[0]).toMatchObject({ after: 'Manager' });

    await people().insertOne(personDoc(tenant, 'newcomer', { role: 'HR' }));
    const changed = await postJson(system.jobsUrl(tenant), { ...request, snapshotId: preview.body.snapshotId });
    expect(changed).toMatchObject({ status: 409, body: { code: 'SELECTION.CHANGED', details: { previewed: 30, current: 31 } } });
    await people().deleteOne({ _id: `${tenant}:newcomer` });

    const run = await postJson<{ id: string }>(system.jobsUrl(tenant), { ...request, snapshotId: preview.body.snapshotId });
    expect(run.status).toBe(202);
    expect(run.body.id).toBe(preview.body.snapshotId);
    await eventOf('completed', (e) => e.jobId === run.body.id);
    expect(await people().countDocuments({ tenantId: tenant, role: 'Manager' })).toBe(30);

    const undo = await postJson<{ id: string }>(`${system.jobsUrl(tenant)}/${run.body.id}/undo`, { actorId: 'owner' });
    expect(undo.status).toBe(202);
    const [undone] = await eventOf('completed', (e) => e.jobId === undo.body.id);
    expect(undone.counts.succeeded).toBe(30);
    for (let i = 0; i < 30; i++) expect((await byId(tenant, `p${String(i).padStart(5, '0')}`))?.role).toBe(i % 3 === 0 ? 'HR' : 'Learner');
    const view = await getJson<{ undoneBy: string; reversible: boolean }>(`${system.jobsUrl(tenant)}/${run.body.id}`);
    expect(view.body).toMatchObject({ undoneBy: undo.body.id, reversible: false });
  });

  it('aborts a job that fails more than the tolerated percentage', async () => {
    const tenant = uniqueTenant('tolerate');
    await seed(tenant, 2);
    const ids = ['p00000', 'p00001', ...Array.from({ length: 8 }, (_, i) => `ghost${i}`)];
    const cmd = command(tenant, { selection: { userIds: ids }, options: { toleratedFailurePercent: 10, chunkSize: 1 } });
    await publish(cmd, tenant);
    const [accepted] = await eventOf('accepted', (e) => e.commandId === cmd.commandId);
    const [failed] = await eventOf('failed', (e) => e.jobId === accepted.jobId);
    expect(failed.reason).toMatchObject({ code: 'JOB.TOO_MANY_FAILURES' });
    expect(failed.counts.cancelled).toBeGreaterThan(0); // people not yet sent were not sent
    expect(failed.counts.failed + failed.counts.succeeded + failed.counts.cancelled).toBe(10);
  });

  it('refuses a destructive job over the approval threshold without the typed count, before touching anyone', async () => {
    const tenant = uniqueTenant('approve');
    await seed(tenant, 60);
    const cmd = command(tenant, { action: 'deactivate', params: {}, selection: { filter: { roles: ['Learner'] } } });
    await publish(cmd, tenant);
    const [accepted] = await eventOf('accepted', (e) => e.commandId === cmd.commandId);
    const [failed] = await eventOf('failed', (e) => e.jobId === accepted.jobId);
    expect(failed.reason).toMatchObject({ code: 'JOB.APPROVAL_REQUIRED', field: 'options.approvalCount' });
    expect(failed).toMatchObject({ total: 61, counts: expect.objectContaining({ cancelled: 61, running: 0 }) });
    expect(
      recorder.messages.some((m) => [TOPICS.identityWork, IDENTITY_EXPRESS].includes(m.topic) && (m.body as WorkChunk).jobId === accepted.jobId),
    ).toBe(false);
  });

  it('a participant that does not know an action (an older version) fails each person of the chunk, not a hang', async () => {
    const tenant = uniqueTenant('notyet');
    const membership = await system.startParticipant('membership');
    try {
      const work: WorkChunk = {
        jobId: `job-${tenant}`,
        step: 0,
        chunk: 0,
        attempt: 1,
        tenantId: tenant,
        action: 'a-future-action',
        params: {},
        userIds: ['p00000', 'p00001'],
      };
      await producer.send({ topic: TOPICS.membershipWork, messages: [{ key: work.jobId, value: JSON.stringify(work) }] });
      const [result] = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === work.jobId, 1, 30_000);
      expect(result.service).toBe('membership');
      expect(result.outcomes).toEqual([
        expect.objectContaining({ userId: 'p00000', status: 'failed', code: 'MEMBERSHIP.UNKNOWN_ACTION' }),
        expect.objectContaining({ userId: 'p00001', status: 'failed', code: 'MEMBERSHIP.UNKNOWN_ACTION' }),
      ]);
    } finally {
      await membership.close();
    }
  });

  it('resumes every job after the orchestrator restarts mid-job, changing each person once', async () => {
    const tenant = uniqueTenant('restart');
    await seed(tenant, 400);
    const cmd = command(tenant, { selection: { filter: { roles: ['Learner'] } }, options: { chunkSize: 5 } });
    await publish(cmd, tenant);
    const [accepted] = await eventOf('accepted', (e) => e.commandId === cmd.commandId);
    await eventOf('progress', (e) => e.jobId === accepted.jobId && e.counts.succeeded >= 20);
    await system.orchestrator.close();
    const { OrchestratorModule } = await import('../../apps/orchestrator/src/orchestrator.module');
    system.orchestrator = await startService(OrchestratorModule);
    process.env.ORCHESTRATOR_URL = (await system.orchestrator.getUrl()).replace('[::1]', '127.0.0.1');
    const [done] = await eventOf('completed', (e) => e.jobId === accepted.jobId, 1, 120_000);
    expect(done.counts).toMatchObject({ succeeded: 401, failed: 0, cancelled: 0, pending: 0, running: 0 });
    const docs = await people().find({ tenantId: tenant, role: 'Learner' }).toArray();
    expect(docs.every((d) => d.language === 'nl' && d.v === 2)).toBe(true);
  });

  it('completes a 10,000-person job resolved from a filter', async () => {
    const tenant = uniqueTenant('tenk');
    await seed(tenant, 10_000);
    const cmd = command(tenant, { selection: { filter: { roles: ['Learner'] }, excludeIds: ['learner'] } });
    await publish(cmd, tenant);
    const [accepted] = await eventOf('accepted', (e) => e.commandId === cmd.commandId);
    const [done] = await eventOf('completed', (e) => e.jobId === accepted.jobId, 1, 300_000);
    expect(done.total).toBe(10_000);
    expect(done.counts.succeeded).toBe(10_000);
    expect(await people().countDocuments({ tenantId: tenant, language: 'nl' })).toBe(10_000);
  });
});
