import { INestApplication } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { ChunkResult, dlqTopic, ItemView, JobView, NotificationPage, NotificationView, TOPICS, WorkChunk, workTopic } from '@cohort/contracts';
import { eventually, plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { issueToken } from '../../apps/identity/src/tokens/secrets';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';
import { mailTo } from '../support/maildev';

/** small jobs' chunks travel on the express lane of the work topic */
const COMMUNICATIONS_EXPRESS = workTopic('communications', TOPICS, 'express');

/**
 * send-notification on real parts: a job on the orchestrator → communications stores each person's
 * notification, delivers an active person's at once (with one e-mail copy through SMTP into MailDev) and
 * keeps an invited person's waiting; the invited person accepts their invitation at identity, identity
 * publishes person-activated, and communications delivers (and mails) what waited — no poll anywhere.
 */
describe('notifications: in-app inbox, e-mail copy, delivery when an invited person joins', () => {
  let system: CohortSystem;
  let communications: INestApplication;
  let recorder: TopicRecorder;
  let producer: Producer;
  let identityUrl: string;
  let commsUrl: string;
  const people = () => system.db('identity').collection('people');
  const stored = () => system.db('communications').collection('notifications');

  const inbox = (tenant: string, userId: string, query = '') =>
    getJson<NotificationPage>(`${commsUrl}/internal/tenants/${tenant}/people/${userId}/notifications${query}`);
  const markRead = (tenant: string, userId: string, id: string) =>
    postJson<NotificationView>(`${commsUrl}/internal/tenants/${tenant}/people/${userId}/notifications/${encodeURIComponent(id)}/read`, {});

  async function runToCompletion(tenant: string, params: Record<string, unknown>, userIds: string[]) {
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), {
      actorId: 'owner',
      action: 'send-notification',
      params,
      selection: { userIds },
    });
    expect(res.status).toBe(202);
    const jobId = res.body.id;
    await eventually(async () => (await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body.status === 'completed', 60_000, `job ${jobId}`);
    const items = await getJson<{ items: ItemView[] }>(`${system.jobsUrl(tenant)}/${jobId}/items`);
    return { jobId, items: new Map(items.body.items.map((i) => [i.userId, i])) };
  }

  beforeAll(async () => {
    recorder = await new TopicRecorder([COMMUNICATIONS_EXPRESS, TOPICS.results, dlqTopic(TOPICS.identityEvents)]).start();
    producer = await plainProducer();
    system = await startSystem();
    communications = await system.startParticipant('communications');
    identityUrl = (await system.identity.getUrl()).replace('[::1]', '127.0.0.1');
    commsUrl = (await communications.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await communications?.close();
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('an active person gets it now (one e-mail), an invited one when they join; a redelivered chunk adds nothing', async () => {
    const tenant = uniqueTenant('notify');
    const ivyLink = issueToken(tenant, 'ivy');
    await people().insertMany([
      personDoc(tenant, 'owner', { role: 'Owner' }),
      personDoc(tenant, 'ann', { name: 'Ann' }),
      personDoc(tenant, 'ivy', {
        status: 'invited',
        name: 'Ivy',
        invitation: { sentCount: 1, sentAt: new Date('2025-01-01'), tokenHash: ivyLink.hash, cancelledAt: null },
      }),
      personDoc(tenant, 'dan', { status: 'deactivated' }),
    ] as never[]);
    const params = { subject: 'Quarterly review', body: 'Please finish your review by Friday.', email: true };

    const { jobId, items } = await runToCompletion(tenant, params, ['ann', 'ivy', 'dan']);
    expect(items.get('ann')).toMatchObject({ status: 'succeeded' });
    expect(items.get('ivy')).toMatchObject({ status: 'succeeded', data: { delivery: 'on-join' } });
    expect(items.get('dan')).toMatchObject({ status: 'skipped', code: 'COMMUNICATIONS.NOT_REACHABLE' });

    const annInbox = await inbox(tenant, 'ann');
    expect(annInbox.status).toBe(200);
    expect(annInbox.body).toEqual({
      items: [expect.objectContaining({ id: `${tenant}:${jobId}:ann`, subject: params.subject, body: params.body, readAt: null })],
      nextCursor: null,
      unread: 1,
    });
    expect((await inbox(tenant, 'ivy')).body).toEqual({ items: [], nextCursor: null, unread: 0 });
    const [annMail] = await eventually(
      async () => (await mailTo(`ann@${tenant}.test`)).length > 0 && mailTo(`ann@${tenant}.test`),
      10_000,
      "ann's copy",
    );
    expect(annMail.subject).toContain(params.subject);
    expect(annMail.text).toContain(params.body);
    expect(await mailTo(`ivy@${tenant}.test`)).toHaveLength(0);

    // the same chunk once more, as a redelivery brings it: the same outcomes, no second notification or e-mail
    const [work] = await recorder.waitFor<WorkChunk>(COMMUNICATIONS_EXPRESS, (w) => w.jobId === jobId);
    await producer.send({
      topic: COMMUNICATIONS_EXPRESS,
      messages: [{ key: jobId, value: JSON.stringify({ ...work, attempt: work.attempt + 1 }) }],
    });
    const results = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === jobId && r.service === 'communications', 2, 30_000);
    expect(results[1].outcomes).toEqual(results[0].outcomes);
    expect(await stored().countDocuments({ tenantId: tenant })).toBe(2);
    expect(await mailTo(`ann@${tenant}.test`)).toHaveLength(1);

    // Ivy joins: identity publishes person-activated, communications delivers what waited (and its copy)
    const accepted = await postJson(`${identityUrl}/internal/invitations/accept`, { token: ivyLink.token, password: 'my long password' });
    expect(accepted.status).toBe(200);
    const ivyInbox = await eventually(
      async () => {
        const page = await inbox(tenant, 'ivy');
        // the page and its unread count are two reads: delivery may land between them, so wait for both
        return page.body.items.length > 0 && page.body.unread > 0 && page.body;
      },
      10_000,
      "ivy's notification after she joined",
    );
    expect(ivyInbox).toMatchObject({ items: [{ id: `${tenant}:${jobId}:ivy`, subject: params.subject, readAt: null }], unread: 1 });
    await eventually(async () => (await mailTo(`ivy@${tenant}.test`)).length > 0, 10_000, "ivy's copy");
    expect(await mailTo(`ivy@${tenant}.test`)).toHaveLength(1);
    expect(await stored().findOne({ _id: `${tenant}:${jobId}:ivy` } as never)).toMatchObject({ emailPending: false, deliveredAt: expect.any(Date) });
  });

  it('mark read: once, counted out of unread; another person cannot; a bad activation event is dead-lettered', async () => {
    const tenant = uniqueTenant('read');
    await people().insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), personDoc(tenant, 'ann')] as never[]);
    const { jobId: first } = await runToCompletion(tenant, { subject: 'One', body: 'first' }, ['ann']);
    const { jobId: second } = await runToCompletion(tenant, { subject: 'Two', body: 'second' }, ['ann']);

    const page1 = await inbox(tenant, 'ann', '?limit=1');
    expect(page1.body).toMatchObject({ items: [{ id: `${tenant}:${second}:ann` }], unread: 2 });
    const page2 = await inbox(tenant, 'ann', `?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({ items: [{ id: `${tenant}:${first}:ann` }], nextCursor: null });

    const id = `${tenant}:${first}:ann`;
    const read = await markRead(tenant, 'ann', id);
    expect(read).toMatchObject({ status: 200, body: { id, readAt: expect.any(String) } });
    expect((await markRead(tenant, 'ann', id)).body.readAt).toBe(read.body.readAt);
    expect((await inbox(tenant, 'ann')).body.unread).toBe(1);
    expect((await markRead(tenant, 'owner', id)).status).toBe(404);
    expect((await inbox(tenant, 'ann', '?limit=0')).status).toBe(400);

    await producer.send({
      topic: TOPICS.identityEvents,
      messages: [{ key: tenant, value: JSON.stringify({ type: 'person-activated', tenantId: tenant }) }],
    });
    const [dead] = await recorder.waitFor<{ tenantId: string }>(dlqTopic(TOPICS.identityEvents), (m) => m.tenantId === tenant, 1, 30_000);
    expect(dead).toEqual({ type: 'person-activated', tenantId: tenant });
  });
});
