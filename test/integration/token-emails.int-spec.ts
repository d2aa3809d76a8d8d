import { INestApplication } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { ChunkResult, ItemView, JobView, TOPICS, WorkChunk, workTopic } from '@cohort/contracts';
import { eventually, plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { issueToken } from '../../apps/identity/src/tokens/secrets';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';
import { CaughtMail, mailTo } from '../support/maildev';

/** small jobs' chunks travel on the express lane of the work topic */
const COMMUNICATIONS_EXPRESS = workTopic('communications', TOPICS, 'express');

/**
 * The e-mail step of identity's token links on real parts: a job on the orchestrator → identity issues the
 * token → communications renders and sends it over SMTP into MailDev → the link in the inbox works at
 * identity. A redelivered work chunk sends no second e-mail; the outbox never keeps the token.
 */
describe('token e-mails: invitation and password-reset links through SMTP', () => {
  let system: CohortSystem;
  let communications: INestApplication;
  let recorder: TopicRecorder;
  let producer: Producer;
  let identityUrl: string;
  const people = () => system.db('identity').collection('people');
  const outbox = () => system.db('communications').collection('outbox');

  /** The token of the console link in an e-mail's text, for the given page. */
  function tokenIn(mail: CaughtMail, page: 'invitation' | 'password-reset'): string {
    const match = new RegExp(`https?://\\S+/console/#/${page}/([A-Za-z0-9._-]+)`).exec(mail.text);
    expect(match).not.toBeNull();
    return match![1];
  }

  async function runToCompletion(tenant: string, action: string, userIds: string[]) {
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), { actorId: 'owner', action, params: {}, selection: { userIds } });
    expect(res.status).toBe(202);
    const jobId = res.body.id;
    await eventually(async () => (await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body.status === 'completed', 60_000, `job ${jobId}`);
    const items = await getJson<{ items: ItemView[] }>(`${system.jobsUrl(tenant)}/${jobId}/items`);
    return { jobId, items: new Map(items.body.items.map((i) => [i.userId, i])) };
  }

  beforeAll(async () => {
    recorder = await new TopicRecorder([COMMUNICATIONS_EXPRESS, TOPICS.results]).start();
    producer = await plainProducer();
    system = await startSystem({ env: { PUBLIC_URL: 'https://cohort.example' } });
    communications = await system.startParticipant('communications');
    identityUrl = (await system.identity.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await communications?.close();
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('resend-invitation e-mails a Dutch invitee once, in Dutch, with a link that activates them; a redelivered chunk sends nothing again', async () => {
    const tenant = uniqueTenant('mail');
    const address = `ivy@${tenant}.test`;
    await people().insertMany([
      personDoc(tenant, 'owner', { role: 'Owner' }),
      personDoc(tenant, 'ivy', {
        status: 'invited',
        name: 'Ivy',
        language: 'nl',
        invitation: { sentCount: 1, sentAt: new Date('2025-01-01'), tokenHash: issueToken(tenant, 'ivy').hash, cancelledAt: null },
      }),
    ] as never[]);

    const { jobId, items } = await runToCompletion(tenant, 'resend-invitation', ['ivy']);
    expect(items.get('ivy')).toMatchObject({ status: 'succeeded', step: 'send-invitation' });
    expect(items.get('ivy')?.data).toBeUndefined(); // the token handoff is gone

    const [mail] = await eventually(async () => (await mailTo(address)).length > 0 && mailTo(address), 10_000, 'the invitation e-mail');
    expect(await mailTo(address)).toHaveLength(1);
    expect(mail.subject).toBe('Je bent uitgenodigd voor Cohort');
    expect(mail.text).toContain('Hallo Ivy,');
    expect(mail.text).toContain('https://cohort.example/console/#/invitation/');
    expect(mail.html).toContain('Uitnodiging accepteren');
    const token = tokenIn(mail, 'invitation');

    const stored = await outbox().findOne({ tenantId: tenant, userId: 'ivy' });
    expect(stored).toMatchObject({ jobId, kind: 'invitation', to: address, language: 'nl', subject: mail.subject, status: 'sent', attempts: 1 });
    expect(stored?._id).toBe(`${tenant}:${jobId}:1:ivy`);
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);

    // the same work chunk once more, as a redelivery would bring it: answered, but no second e-mail
    const [work] = await recorder.waitFor<WorkChunk>(COMMUNICATIONS_EXPRESS, (w) => w.jobId === jobId);
    await producer.send({
      topic: COMMUNICATIONS_EXPRESS,
      messages: [{ key: jobId, value: JSON.stringify({ ...work, attempt: work.attempt + 1 }) }],
    });
    const results = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === jobId && r.service === 'communications', 2, 30_000);
    expect(results[1].outcomes).toEqual([{ userId: 'ivy', status: 'succeeded' }]);
    expect(await mailTo(address)).toHaveLength(1);
    expect(await outbox().countDocuments({ tenantId: tenant })).toBe(1);

    const accepted = await postJson(`${identityUrl}/internal/invitations/accept`, { token, password: 'my long password' });
    expect(accepted).toEqual({ status: 200, body: { tenantId: tenant, userId: 'ivy', status: 'active' } });
  });

  it('send-password-reset e-mails a reset link (in English, with its expiry) whose token sets the new password', async () => {
    const tenant = uniqueTenant('reset');
    const address = `pat@${tenant}.test`;
    await people().insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), personDoc(tenant, 'pat', { name: 'Pat' })] as never[]);

    const { items } = await runToCompletion(tenant, 'send-password-reset', ['pat']);
    expect(items.get('pat')).toMatchObject({ status: 'succeeded', step: 'send-password-reset' });

    const [mail] = await eventually(async () => (await mailTo(address)).length > 0 && mailTo(address), 10_000, 'the reset e-mail');
    expect(await mailTo(address)).toHaveLength(1);
    expect(mail.subject).toBe('Reset your Cohort password');
    expect(mail.text).toContain('Hello Pat,');
    expect(mail.text).toMatch(/This link works until .+ UTC\./);
    const token = tokenIn(mail, 'password-reset');

    const done = await postJson(`${identityUrl}/internal/password-resets/complete`, { token, password: 'a brand new password' });
    expect(done).toEqual({ status: 200, body: { tenantId: tenant, userId: 'pat', status: 'active' } });
    expect(await outbox().findOne({ tenantId: tenant, userId: 'pat' })).toMatchObject({ kind: 'password-reset', status: 'sent' });
  });
});
