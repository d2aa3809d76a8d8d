import { INestApplication } from '@nestjs/common';
import { Admin, Producer } from 'kafkajs';
import { loadConfig } from '@cohort/common';
import { dlqTopic, JobEvent, JobView, NotificationPage, TOPICS } from '@cohort/contracts';
import { eventually, plainKafka, plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';
import { mailTo } from '../support/maildev';

/**
 * The completion notice on real parts, with COMMS_JOB_NOTICE_MIN=3: a change-language job over 3 people
 * run through the orchestrator ends, communications reads its end event (in its own consumer group),
 * asks the orchestrator who ran it, and the actor finds one notice in their inbox and one 'job-finished'
 * e-mail in MailDev, in their language (German) with the counts and the job's link. The same end event
 * redelivered (after a malformed one, which is dead-lettered without blocking) adds nothing; a 2-person
 * job earns no notice.
 */
describe('job completion notice: in-app and e-mail to the actor of a big enough job', () => {
  let system: CohortSystem;
  let communications: INestApplication;
  let recorder: TopicRecorder;
  let producer: Producer;
  let admin: Admin;
  let commsUrl: string;
  const publicUrl = () => loadConfig('communications').publicUrl.replace(/\/+$/, '');

  const inbox = (tenant: string, userId: string) =>
    getJson<NotificationPage>(`${commsUrl}/internal/tenants/${tenant}/people/${userId}/notifications`);

  /** A tenant with an Owner who reads German and `count` people who read English. */
  async function tenantWith(count: number): Promise<{ tenant: string; ids: string[] }> {
    const tenant = uniqueTenant('notice');
    const ids = Array.from({ length: count }, (_, i) => `p${i}`);
    await system
      .db('identity')
      .collection('people')
      .insertMany([
        personDoc(tenant, 'owner', { role: 'Owner', name: 'Olga', language: 'de' }),
        ...ids.map((id) => personDoc(tenant, id)),
      ] as never[]);
    return { tenant, ids };
  }

  /** Runs change-language (to French) over `ids` as the Owner; returns the job once completed and its end event. */
  async function changeLanguage(tenant: string, ids: string[]): Promise<{ job: JobView; ended: JobEvent }> {
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), {
      actorId: 'owner',
      action: 'change-language',
      params: { language: 'fr' },
      selection: { userIds: ids },
    });
    expect(res.status).toBe(202);
    const jobId = res.body.id;
    const job = await eventually(
      async () => {
        const view = (await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body;
        return view.status === 'completed' && view;
      },
      60_000,
      `job ${jobId}`,
    );
    const [ended] = await recorder.waitFor<JobEvent>(TOPICS.events, (e) => e.type === 'completed' && e.jobId === jobId);
    return { job, ended };
  }

  /** Waits until communications' consumer group has handled every job event published so far. */
  async function eventsConsumed(): Promise<void> {
    const groupId = loadConfig('communications').kafka.groupId;
    const published = await admin.fetchTopicOffsets(TOPICS.events);
    await eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [TOPICS.events] });
        const at = (partition: number) => Number(committed.partitions.find((p) => p.partition === partition)?.offset ?? -1);
        return published.every((p) => Number(p.high) === Number(p.low) || at(p.partition) >= Number(p.high));
      },
      30_000,
      'communications to handle every job event',
    );
  }

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.events, dlqTopic(TOPICS.events)]).start();
    producer = await plainProducer();
    admin = plainKafka().admin();
    await admin.connect();
    system = await startSystem({ env: { COMMS_JOB_NOTICE_MIN: '3' } });
    communications = await system.startParticipant('communications');
    commsUrl = (await communications.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await communications?.close();
    await producer?.disconnect();
    await admin?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('a 3-person job: one notice in the inbox and one e-mail in the actor’s language; a redelivered end adds nothing', async () => {
    const { tenant, ids } = await tenantWith(3);
    const { job, ended } = await changeLanguage(tenant, ids);
    expect(job.counts).toMatchObject({ succeeded: 3, skipped: 0, failed: 0, cancelled: 0 });
    const link = `${publicUrl()}/console/#/jobs/${job.id}`;
    const owner = `owner@${tenant}.test`;

    const page = await eventually(
      async () => {
        const found = (await inbox(tenant, 'owner')).body;
        return found.items.length > 0 && found;
      },
      30_000,
      'the notice in the owner’s inbox',
    );
    expect(page).toEqual({
      items: [
        expect.objectContaining({
          id: `${tenant}:${job.id}:notice:owner`,
          subject: 'Your batch job finished: Change language',
          body: `3 people: 3 succeeded, 0 skipped, 0 failed, 0 cancelled.\nResults: ${link}`,
          readAt: null,
        }),
      ],
      nextCursor: null,
      unread: 1,
    });
    const [mail] = await eventually(async () => (await mailTo(owner)).length > 0 && mailTo(owner), 30_000, 'the notice e-mail');
    expect(mail.subject).toBe('Ihre Massenaktion „Change language“ ist abgeschlossen');
    expect(mail.text).toContain('Hallo Olga,');
    for (const line of ['Erfolgreich: 3', 'Übersprungen: 0', 'Fehlgeschlagen: 0', 'Abgebrochen: 0']) expect(mail.text).toContain(line);
    expect(mail.text).toContain(link);
    for (const id of ids) expect(await mailTo(`${id}@${tenant}.test`)).toHaveLength(0);

    // a malformed end event is dead-lettered; the same end event again behind it (same key, same partition) is handled and adds nothing
    const malformed = { type: 'completed', tenantId: tenant, jobId: job.id };
    await producer.send({
      topic: TOPICS.events,
      messages: [
        { key: job.id, value: JSON.stringify(malformed) },
        { key: job.id, value: JSON.stringify({ ...ended, eventId: `${ended.eventId}-again` }) },
      ],
    });
    const [dead] = await recorder.waitFor<{ tenantId: string }>(dlqTopic(TOPICS.events), (m) => m.tenantId === tenant, 1, 30_000);
    expect(dead).toEqual(malformed);
    await eventsConsumed();
    expect((await inbox(tenant, 'owner')).body.items).toHaveLength(1);
    expect(await mailTo(owner)).toHaveLength(1);
    const outbox = await system.db('communications').collection('outbox').find({ tenantId: tenant }).toArray();
    expect(outbox).toEqual([
      expect.objectContaining({ _id: `${tenant}:${job.id}:notice:owner`, kind: 'job-finished', status: 'sent', language: 'de' }),
    ]);
  });

  it('a 2-person job: no notice, no e-mail', async () => {
    const { tenant, ids } = await tenantWith(2);
    await changeLanguage(tenant, ids);
    await eventsConsumed();
    expect((await inbox(tenant, 'owner')).body).toEqual({ items: [], nextCursor: null, unread: 0 });
    expect(await mailTo(`owner@${tenant}.test`)).toHaveLength(0);
    expect(await system.db('communications').collection('notifications').countDocuments({ tenantId: tenant })).toBe(0);
  });
});
