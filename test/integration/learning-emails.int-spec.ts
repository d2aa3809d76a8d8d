import { Producer } from 'kafkajs';
import { ChunkResult, LearningMail, TOPICS, WorkChunk } from '@cohort/contracts';
import { eventually, plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { CohortSystem, personDoc, startSystem } from '../support/system';
import { CaughtMail, mailTo } from '../support/maildev';

/**
 * The e-mails learning's actions cause, on real parts (Kafka, the store, SMTP into MailDev). Learning is
 * not built yet, so the test plays its part: it publishes the communications step's work chunk with the
 * per-person LearningMail learning's step 0 will hand on. Communications looks each person up in identity
 * and mails them once, in their language, with the right title and link; a redelivery sends nothing more.
 */
describe('learning e-mails: enrolled, task assigned, certificate awarded through SMTP', () => {
  let system: CohortSystem;
  let recorder: TopicRecorder;
  let producer: Producer;
  const PUBLIC_URL = 'https://cohort.example';

  /** A tenant with a Dutch (daan), an English (emma) and a deactivated (olaf) person in identity. */
  async function seed(label: string): Promise<string> {
    const tenant = uniqueTenant(label);
    await system
      .db('identity')
      .collection('people')
      .insertMany([
        personDoc(tenant, 'daan', { name: 'Daan', language: 'nl' }),
        personDoc(tenant, 'emma', { name: 'Emma', language: 'en' }),
        personDoc(tenant, 'olaf', { name: 'Olaf', status: 'deactivated' }),
      ] as never[]);
    return tenant;
  }

  /** Publishes the e-mail step's chunk (step 1, after learning's step 0) as the orchestrator would, and waits for its result. */
  async function runStep(tenant: string, action: string, data: Record<string, LearningMail>, attempt = 1): Promise<ChunkResult> {
    const work: WorkChunk = {
      jobId: `job-${tenant}`,
      step: 1,
      chunk: 0,
      attempt,
      tenantId: tenant,
      action,
      params: {},
      userIds: Object.keys(data),
      data,
    };
    await producer.send({ topic: TOPICS.communicationsWork, messages: [{ key: work.jobId, value: JSON.stringify(work) }] });
    const [result] = await recorder.waitFor<ChunkResult>(
      TOPICS.results,
      (r) => r.jobId === work.jobId && r.attempt === attempt && r.service === 'communications',
    );
    return result;
  }

  /** The one e-mail MailDev caught for a person of the tenant (waiting for it to arrive). */
  async function onlyMail(tenant: string, userId: string): Promise<CaughtMail> {
    const address = `${userId}@${tenant}.test`;
    await eventually(async () => (await mailTo(address)).length > 0, 10_000, `the e-mail to ${address}`);
    const mails = await mailTo(address);
    expect(mails).toHaveLength(1);
    return mails[0];
  }

  /** A redelivery of the chunk answers with the same outcomes and sends no e-mail more. */
  async function redeliverSendsNothing(tenant: string, action: string, data: Record<string, LearningMail>, first: ChunkResult): Promise<void> {
    const again = await runStep(tenant, action, data, 2);
    expect(again.outcomes).toEqual(first.outcomes);
    for (const userId of Object.keys(data)) expect(await mailTo(`${userId}@${tenant}.test`)).toHaveLength(userId === 'olaf' ? 0 : 1);
    expect(await system.db('communications').collection('outbox').countDocuments({ tenantId: tenant })).toBe(2);
  }

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.results]).start();
    producer = await plainProducer();
    system = await startSystem({ env: { PUBLIC_URL } });
    await system.startParticipant('communications');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('send-enrolled: each person once in their language with the course titles and the courses link; a deactivated person is skipped', async () => {
    const tenant = await seed('enrol');
    const data: Record<string, LearningMail> = {
      daan: { kind: 'enrolled', courseTitles: ['Veilig werken'] },
      emma: { kind: 'enrolled', courseTitles: ['Safety at work', 'First aid'], link: '/console/#/courses/first-aid' },
      olaf: { kind: 'enrolled', courseTitles: ['Safety at work'] },
    };
    const result = await runStep(tenant, 'send-enrolled', data);
    expect(result.outcomes).toEqual([
      { userId: 'daan', status: 'succeeded' },
      { userId: 'emma', status: 'succeeded' },
      expect.objectContaining({ userId: 'olaf', status: 'skipped', code: 'COMMUNICATIONS.NOT_REACHABLE' }),
    ]);

    const nl = await onlyMail(tenant, 'daan');
    expect(nl.subject).toBe('Je bent ingeschreven voor Veilig werken');
    expect(nl.text).toContain('Hallo Daan,');
    expect(nl.text).toContain(`${PUBLIC_URL}/console/#/courses`);
    expect(nl.html).toContain('Aan de slag');
    const en = await onlyMail(tenant, 'emma');
    expect(en.subject).toBe('You are enrolled in 2 courses');
    expect(en.text).toContain('Hello Emma,');
    expect(en.text).toContain('First aid');
    expect(en.text).toContain(`${PUBLIC_URL}/console/#/courses/first-aid`);
    expect(await mailTo(`olaf@${tenant}.test`)).toHaveLength(0);
    expect(await system.db('communications').collection('outbox').findOne({ tenantId: tenant, userId: 'daan' })).toMatchObject({
      kind: 'enrolled',
      language: 'nl',
      status: 'sent',
      attempts: 1,
    });

    await redeliverSendsNothing(tenant, 'send-enrolled', data, result);
  });

  it('send-task-assigned: the task, its due date in the person’s language and the tasks link', async () => {
    const tenant = await seed('task');
    const data: Record<string, LearningMail> = {
      daan: { kind: 'task-assigned', taskTitle: 'Lees het handboek', dueDate: '2030-01-31' },
      emma: { kind: 'task-assigned', taskTitle: 'Read the handbook', dueDate: '2030-01-31' },
    };
    const result = await runStep(tenant, 'send-task-assigned', data);
    expect(result.outcomes).toEqual([
      { userId: 'daan', status: 'succeeded' },
      { userId: 'emma', status: 'succeeded' },
    ]);

    const nl = await onlyMail(tenant, 'daan');
    expect(nl.subject).toBe('Nieuwe taak: Lees het handboek');
    expect(nl.text).toContain('31 januari 2030');
    expect(nl.text).toContain(`${PUBLIC_URL}/console/#/tasks`);
    const en = await onlyMail(tenant, 'emma');
    expect(en.subject).toBe('New task: Read the handbook');
    expect(en.text).toContain('January 31, 2030');
    expect(en.text).toContain(`${PUBLIC_URL}/console/#/tasks`);

    await redeliverSendsNothing(tenant, 'send-task-assigned', data, result);
  });

  it('send-certificate-awarded: the course and a link to the certificate’s page (linked, not attached)', async () => {
    const tenant = await seed('cert');
    const data: Record<string, LearningMail> = {
      daan: { kind: 'certificate-awarded', courseTitle: 'Veilig werken', certificateId: 'cert-daan-1' },
      emma: { kind: 'certificate-awarded', courseTitle: 'Safety at work', certificateId: 'cert-emma-1' },
    };
    const result = await runStep(tenant, 'send-certificate-awarded', data);
    expect(result.outcomes).toEqual([
      { userId: 'daan', status: 'succeeded' },
      { userId: 'emma', status: 'succeeded' },
    ]);

    const nl = await onlyMail(tenant, 'daan');
    expect(nl.subject).toBe('Je certificaat voor Veilig werken');
    expect(nl.text).toContain(`${PUBLIC_URL}/console/#/certificates/cert-daan-1`);
    const en = await onlyMail(tenant, 'emma');
    expect(en.subject).toBe('Your certificate for Safety at work');
    expect(en.text).toContain(`${PUBLIC_URL}/console/#/certificates/cert-emma-1`);
    expect(en.headers['content-language']).toBe('en');

    await redeliverSendsNothing(tenant, 'send-certificate-awarded', data, result);
  });
});
