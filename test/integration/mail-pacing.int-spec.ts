import { ChunkResult, ItemView, JobView, TOPICS } from '@cohort/contracts';
import { eventually, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';
import { caughtMail } from '../support/maildev';

/**
 * E-mail pacing on real parts: with a send rate of 2/s, a job mailing 8 people sends 2 at once, defers the
 * other 6 (reported `deferred` — they stay running, never dropped), and ends only when every e-mail has
 * actually gone out, each exactly once, at about the rate.
 */
describe('e-mail pacing: deferred, then sent, never dropped', () => {
  let system: CohortSystem;
  let recorder: TopicRecorder;
  const RATE = 2;

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.results]).start();
    system = await startSystem({ env: { COMMS_SEND_RATE: String(RATE), COMMS_SEND_BURST: String(RATE), ORCH_PROGRESS_MS: '200' } });
    await system.startParticipant('communications');
  });

  afterAll(async () => {
    await recorder?.stop();
    await system?.stop();
  });

  it('a job over the rate defers people, sends each once as the rate allows, and completes only then', async () => {
    const tenant = uniqueTenant('pace');
    const ids = Array.from({ length: 8 }, (_, i) => `p${i}`);
    await system
      .db('identity')
      .collection('people')
      .insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), ...ids.map((id) => personDoc(tenant, id))] as never[]);
    const started = Date.now();
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), {
      actorId: 'owner',
      action: 'send-password-reset',
      params: {},
      selection: { userIds: ids },
    });
    expect(res.status).toBe(202);
    const jobId = res.body.id;

    // the e-mail step answers: 2 sent, 6 deferred — and while they wait the job is still running
    const [first] = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === jobId && r.service === 'communications');
    const statuses = first.outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === 'deferred').length).toBeGreaterThanOrEqual(8 - RATE - 1);
    const waiting = await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`);
    expect(waiting.body.status).toBe('running');
    const deferredItems = await getJson<{ items: ItemView[] }>(`${system.jobsUrl(tenant)}/${jobId}/items?status=running`);
    expect(deferredItems.body.items[0]).toMatchObject({ code: 'COMMUNICATIONS.DEFERRED', step: 'send-password-reset' });

    await eventually(
      async () => (await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body.status === 'completed',
      60_000,
      'the paced job to complete',
    );
    const elapsedMs = Date.now() - started;
    const job = (await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body;
    expect(job.counts).toMatchObject({ succeeded: 8, failed: 0, running: 0 });
    const mails = await caughtMail((address) => address.endsWith(`@${tenant}.test`));
    expect(mails.map((m) => m.to[0].address).sort()).toEqual(ids.map((id) => `${id}@${tenant}.test`).sort());
    // 6 beyond the burst at 2/s take about 3 s
    expect(elapsedMs).toBeGreaterThanOrEqual(((8 - RATE) / RATE) * 1000 * 0.8);
    process.stdout.write(`\n[pacing] 8 e-mails at ${RATE}/s (burst ${RATE}): job completed in ${elapsedMs} ms\n`);
    const outbox = await system.db('communications').collection('outbox').find({ tenantId: tenant }).toArray();
    expect(outbox.filter((m) => m.status === 'sent')).toHaveLength(8);
    expect(outbox.some((m) => 'deferred' in m)).toBe(false); // no token left behind
  });
});
