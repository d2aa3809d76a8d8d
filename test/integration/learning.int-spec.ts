import { INestApplication } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { ChunkResult, CourseList, PersonLearning, Preview, TOPICS, WorkChunk } from '@cohort/contracts';
import { eventually, plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { jobHelpers } from '../support/jobs';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';
import { mailTo } from '../support/maildev';
import { insertLearner } from '../support/learners';

interface Enrolment {
  courseId: string;
  status: string;
  attempt: number;
  enrolledAt: Date;
  completedAt?: Date;
  deadline?: Date;
  source?: string;
  history?: Array<{ attempt: number; status: string; completedAt?: Date }>;
}

interface Learner {
  _id: string;
  enrolments: Enrolment[];
  tasks: Array<{ taskId: string; title: string; status: string; dueDate?: string }>;
  eventEnrolments: Array<{ eventId: string; title: string; startsAt: Date }>;
  contentShares: Array<{ kind: string; id: string; sharedAt: Date }>;
}

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

/**
 * learning's enrolment, task and content actions through real parts: the orchestrator's jobs API → learning
 * (and communications for the e-mail steps, identity for who the people are) on the real broker, store and
 * SMTP sink. Each test makes its own tenant; the effect is checked in learning's own collections, the
 * per-person outcome in the job's items and the e-mails in MailDev.
 */
describe('learning actions: enrol, withdraw, add-task, retake, deadlines, status, share, remove-temporary-data, auto-enrol', () => {
  let system: CohortSystem;
  let learning: INestApplication;
  let recorder: TopicRecorder;
  let producer: Producer;
  const db = () => system.db('learning');
  const learner = async (tenant: string, userId: string) =>
    (await db()
      .collection<Learner>('learners')
      .findOne({ _id: `${tenant}:${userId}` })) ?? undefined;
  const enrolmentOf = async (tenant: string, userId: string, courseId: string) =>
    (await learner(tenant, userId))?.enrolments.find((e) => e.courseId === courseId);

  /** A tenant: an Owner and the given people in identity, the courses (plain, and a learning path p-path of c-2 and c-3) in learning. */
  async function seed(label: string, people: Array<string | [string, Record<string, unknown>]>): Promise<string> {
    const tenant = uniqueTenant(label);
    const docs = [
      personDoc(tenant, 'owner', { role: 'Owner' }),
      ...people.map((p) => (typeof p === 'string' ? personDoc(tenant, p) : personDoc(tenant, p[0], p[1]))),
    ];
    await system
      .db('identity')
      .collection('people')
      .insertMany(docs as never[]);
    const course = (courseId: string, title: string, extra: Record<string, unknown> = {}) => ({
      _id: `${tenant}:${courseId}`,
      tenantId: tenant,
      courseId,
      title,
      kind: 'course',
      ...extra,
    });
    await db()
      .collection('courses')
      .insertMany([
        course('c-1', 'Safety at work'),
        course('c-2', 'First aid'),
        course('c-3', 'Fire drill'),
        course('p-path', 'Onboarding', { kind: 'learning-path', courseIds: ['c-2', 'c-3'] }),
      ] as never[]);
    return tenant;
  }

  const learnerDoc = (tenant: string, userId: string, fields: Partial<Learner>) => insertLearner(db(), tenant, userId, fields);

  const { run, undo } = jobHelpers(() => system);

  /** The e-mails one person of the tenant got, once `count` of them arrived (and no more after a short while). */
  async function mailsOf(tenant: string, userId: string, count: number) {
    const address = `${userId}@${tenant}.test`;
    await eventually(async () => (await mailTo(address)).length >= count, 15_000, `${count} e-mail(s) to ${address}`);
    return mailTo(address);
  }

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.results]).start();
    producer = await plainProducer();
    system = await startSystem({ env: { ORCH_RETRY_BASE_MS: '200', ORCH_PROGRESS_MS: '300' } });
    learning = await system.startParticipant('learning');
    await system.startParticipant('communications');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('enrol: a new enrolment stored and one e-mail; already enrolled skipped; an unknown person and an unknown course failed', async () => {
    const tenant = await seed('enrol', ['ana', 'ben', ['off', { status: 'deactivated' }]]);
    await learnerDoc(tenant, 'ben', { enrolments: [{ courseId: 'c-1', status: 'in-progress', attempt: 1, enrolledAt: ago(3) }] });

    const request = { actorId: 'owner', action: 'enrol', params: { courseIds: ['c-1'] }, selection: { userIds: ['ana', 'ben', 'off', 'ghost'] } };
    const preview = await postJson<Preview>(`${system.jobsUrl(tenant)}/preview`, request);
    expect(preview.body).toMatchObject({ total: 4, willChange: 1, exact: true });
    expect(preview.body.skipped.map((r) => r.code).sort()).toEqual(['LEARNING.ALREADY_ENROLLED', 'LEARNING.PERSON_INACTIVE']);
    expect(preview.body.sample).toContainEqual(expect.objectContaining({ userId: 'ana', before: [], after: ['c-1'] }));
    expect(await learner(tenant, 'ana')).toBeUndefined(); // the preview wrote nothing

    const { job, items } = await run(tenant, 'enrol', ['ana', 'ben', 'off', 'ghost'], { courseIds: ['c-1'] });
    expect(job.counts).toMatchObject({ succeeded: 1, skipped: 2, failed: 1 });
    expect(items.get('ana')).toMatchObject({ status: 'succeeded', step: 'send-enrolled' });
    expect(items.get('ben')).toMatchObject({ status: 'skipped', code: 'LEARNING.ALREADY_ENROLLED' });
    expect(items.get('off')).toMatchObject({ status: 'skipped', code: 'LEARNING.PERSON_INACTIVE' });
    expect(items.get('ghost')).toMatchObject({ status: 'failed', code: 'LEARNING.NOT_FOUND' });
    expect(await enrolmentOf(tenant, 'ana', 'c-1')).toMatchObject({ status: 'enrolled', attempt: 1, source: 'manual', enrolledAt: expect.any(Date) });
    expect(await learner(tenant, 'ghost')).toBeUndefined();
    const [mail] = await mailsOf(tenant, 'ana', 1);
    expect(mail.subject).toBe('You are enrolled in Safety at work');

    const missing = await run(tenant, 'enrol', ['ana', 'ben'], { courseIds: ['c-2', 'c-retired'] });
    expect(missing.items.get('ana')).toMatchObject({
      status: 'failed',
      code: 'LEARNING.COURSE_NOT_FOUND',
      message: expect.stringContaining('c-retired'),
    });
    expect(missing.items.get('ben')).toMatchObject({ status: 'failed', code: 'LEARNING.COURSE_NOT_FOUND' });
    expect(await enrolmentOf(tenant, 'ana', 'c-2')).toBeUndefined();

    expect(await mailTo(`ana@${tenant}.test`)).toHaveLength(1);
    expect(await mailTo(`ben@${tenant}.test`)).toHaveLength(0);
  });

  it('enrol in a learning path: the path and each of its courses, one e-mail naming the path; the internal reads show them', async () => {
    const tenant = await seed('path', ['cat']);
    await learnerDoc(tenant, 'cat', {
      enrolments: [{ courseId: 'c-2', status: 'completed', attempt: 1, enrolledAt: ago(20), completedAt: ago(10) }],
    });
    const { items } = await run(tenant, 'enrol', ['cat'], { courseIds: ['p-path'] });
    expect(items.get('cat')).toMatchObject({ status: 'succeeded', step: 'send-enrolled' });
    expect((await learner(tenant, 'cat'))?.enrolments.map((e) => `${e.courseId}:${e.status}`)).toEqual([
      'c-2:completed',
      'p-path:enrolled',
      'c-3:enrolled',
    ]);
    const [mail] = await mailsOf(tenant, 'cat', 1);
    expect(mail.subject).toBe('You are enrolled in Onboarding');

    const base = `${(await learning.getUrl()).replace('[::1]', '127.0.0.1')}/internal/tenants/${tenant}`;
    const courses = await getJson<CourseList>(`${base}/courses`);
    expect(courses.body.items.map((c) => c.title)).toEqual(['Fire drill', 'First aid', 'Onboarding', 'Safety at work']);
    expect(courses.body.items[2]).toEqual({ courseId: 'p-path', title: 'Onboarding', kind: 'learning-path', courseIds: ['c-2', 'c-3'] });
    await db()
      .collection('certificates')
      .insertMany([
        {
          _id: `${tenant}:cert-1`,
          tenantId: tenant,
          userId: 'cat',
          certificateId: 'cert-1',
          title: 'Old',
          verificationCode: 'AAAA',
          issuedAt: ago(9),
        },
        {
          _id: `${tenant}:cert-2`,
          tenantId: tenant,
          userId: 'cat',
          certificateId: 'cert-2',
          title: 'New',
          courseId: 'c-2',
          verificationCode: 'BBBB',
          issuedAt: ago(1),
        },
      ] as never[]);
    const person = await getJson<PersonLearning>(`${base}/people/cat/learning`);
    expect(person.status).toBe(200);
    expect(person.body.enrolments[0]).toEqual({
      courseId: 'c-2',
      status: 'completed',
      attempt: 1,
      enrolledAt: expect.any(String),
      completedAt: expect.any(String),
    });
    expect(person.body.certificates.map((c) => c.certificateId)).toEqual(['cert-2', 'cert-1']);
    expect((await getJson<PersonLearning>(`${base}/people/nobody/learning`)).body).toEqual({
      enrolments: [],
      withdrawn: [],
      tasks: [],
      certificates: [],
      eventEnrolments: [],
      contentShares: [],
    });
    expect((await getJson(`${base}/people/a%20b/learning`)).body).toMatchObject({ code: 'LEARNING.INVALID_REQUEST', details: { field: 'userId' } });
  });

  it('withdraw ends access to open and finished courses alike, keeping the finished attempt; add-task stores a task and sends one e-mail', async () => {
    const tenant = await seed('withdraw', ['dan', 'eva']);
    await learnerDoc(tenant, 'dan', {
      enrolments: [
        { courseId: 'c-1', status: 'in-progress', attempt: 1, enrolledAt: ago(5) },
        { courseId: 'c-2', status: 'passed', attempt: 1, enrolledAt: ago(50), completedAt: ago(40) },
      ],
    });
    const withdrawn = await run(tenant, 'withdraw', ['dan', 'eva'], { courseIds: ['c-1'] });
    expect(withdrawn.items.get('dan')).toMatchObject({ status: 'succeeded' });
    expect(withdrawn.items.get('eva')).toMatchObject({ status: 'skipped', code: 'LEARNING.NOT_ENROLLED' });
    expect((await learner(tenant, 'dan'))?.enrolments.map((e) => e.courseId)).toEqual(['c-2']);
    // a finished participant: the preview says so, the access ends, the passed attempt stays in the history
    const preview = await postJson<Preview>(`${system.jobsUrl(tenant)}/preview`, {
      actorId: 'owner',
      action: 'withdraw',
      params: { courseIds: ['c-2'] },
      selection: { userIds: ['dan'] },
    });
    expect(preview.body.warnings).toContainEqual(
      expect.objectContaining({ code: 'FINISHED_PARTICIPANTS', message: expect.stringMatching(/^1 person has finished/) }),
    );
    const finished = await run(tenant, 'withdraw', ['dan'], { courseIds: ['c-2'] });
    expect(finished.items.get('dan')).toMatchObject({ status: 'succeeded' });
    const dan = (await learner(tenant, 'dan')) as Learner & { withdrawn?: Array<Enrolment & { withdrawnAt: Date }> };
    expect(dan.enrolments).toEqual([]);
    expect(dan.withdrawn).toEqual([expect.objectContaining({ courseId: 'c-2', status: 'passed', withdrawnAt: expect.any(Date) })]);
    const view = await getJson<PersonLearning>(`${process.env.LEARNING_URL}/internal/tenants/${tenant}/people/dan/learning`);
    expect(view.body.withdrawn).toEqual([expect.objectContaining({ courseId: 'c-2', status: 'passed' })]);

    const task = await run(tenant, 'add-task', ['eva'], { title: 'Read the handbook', dueDate: '2031-01-31' });
    expect(task.items.get('eva')).toMatchObject({ status: 'succeeded', step: 'send-task-assigned' });
    expect((await learner(tenant, 'eva'))?.tasks).toEqual([
      expect.objectContaining({ title: 'Read the handbook', dueDate: '2031-01-31', status: 'open' }),
    ]);
    const mails = await mailsOf(tenant, 'eva', 1);
    expect(mails.map((m) => m.subject)).toEqual(['New task: Read the handbook']);
  });

  it('retake-course starts attempt 2 with the first in history; set-deadline and set-participation-status with their skips and undo', async () => {
    const tenant = await seed('retake', ['fay', 'gus']);
    await learnerDoc(tenant, 'fay', {
      enrolments: [
        { courseId: 'c-1', status: 'completed', attempt: 1, enrolledAt: ago(30), completedAt: ago(20) },
        { courseId: 'c-2', status: 'in-progress', attempt: 1, enrolledAt: ago(10) },
      ],
    });
    await learnerDoc(tenant, 'gus', { enrolments: [{ courseId: 'c-1', status: 'enrolled', attempt: 1, enrolledAt: ago(1) }] });

    const retake = await run(tenant, 'retake-course', ['fay', 'gus'], { courseId: 'c-1' });
    expect(retake.items.get('fay')).toMatchObject({ status: 'succeeded' });
    expect(retake.items.get('gus')).toMatchObject({ status: 'skipped', code: 'LEARNING.NOT_STARTED' });
    const fayC1 = await enrolmentOf(tenant, 'fay', 'c-1');
    expect(fayC1).toMatchObject({ status: 'enrolled', attempt: 2, history: [expect.objectContaining({ attempt: 1, status: 'completed' })] });
    expect(fayC1?.completedAt).toBeUndefined();

    const deadline = await run(tenant, 'set-deadline', ['fay', 'gus'], { courseId: 'c-2', deadline: '2031-03-01' });
    expect(deadline.items.get('fay')).toMatchObject({ status: 'succeeded', before: { deadline: null } });
    expect(deadline.items.get('gus')).toMatchObject({ status: 'skipped', code: 'LEARNING.NOT_ENROLLED' });
    expect((await enrolmentOf(tenant, 'fay', 'c-2'))?.deadline).toEqual(new Date('2031-03-01T00:00:00Z'));
    const again = await run(tenant, 'set-deadline', ['fay'], { courseId: 'c-2', deadline: '2031-03-01' });
    expect(again.items.get('fay')).toMatchObject({ status: 'skipped', code: 'LEARNING.UNCHANGED' });
    const undone = await undo(tenant, deadline.jobId);
    expect(undone.items.get('fay')).toMatchObject({ status: 'succeeded' });
    expect((await enrolmentOf(tenant, 'fay', 'c-2'))?.deadline).toBeUndefined();

    const status = await run(tenant, 'set-participation-status', ['fay', 'gus'], { courseId: 'c-2', status: 'passed' });
    expect(status.items.get('fay')).toMatchObject({ status: 'succeeded', before: { status: 'in-progress', completedAt: null } });
    expect(status.items.get('gus')).toMatchObject({ status: 'skipped', code: 'LEARNING.NOT_ENROLLED' });
    expect(await enrolmentOf(tenant, 'fay', 'c-2')).toMatchObject({ status: 'passed', completedAt: expect.any(Date) });
    const same = await run(tenant, 'set-participation-status', ['fay'], { courseId: 'c-2', status: 'passed' });
    expect(same.items.get('fay')).toMatchObject({ status: 'skipped', code: 'LEARNING.UNCHANGED' });
    await undo(tenant, status.jobId);
    const back = await enrolmentOf(tenant, 'fay', 'c-2');
    expect(back).toMatchObject({ status: 'in-progress' });
    expect(back?.completedAt).toBeUndefined();
  });

  it('share-content adds what is missing; all shared already skipped; unknown content failed', async () => {
    const tenant = await seed('share', ['hal']);
    await db()
      .collection('content')
      .insertMany([
        { _id: `${tenant}:item:i-1`, tenantId: tenant, kind: 'item', id: 'i-1', title: 'Video' },
        { _id: `${tenant}:channel:ch-1`, tenantId: tenant, kind: 'channel', id: 'ch-1', title: 'News' },
      ] as never[]);
    const items = [
      { kind: 'item', id: 'i-1' },
      { kind: 'channel', id: 'ch-1' },
    ];
    expect((await run(tenant, 'share-content', ['hal'], { items })).items.get('hal')).toMatchObject({ status: 'succeeded' });
    expect((await learner(tenant, 'hal'))?.contentShares.map((c) => `${c.kind}:${c.id}`)).toEqual(['item:i-1', 'channel:ch-1']);
    expect((await run(tenant, 'share-content', ['hal'], { items })).items.get('hal')).toMatchObject({
      status: 'skipped',
      code: 'LEARNING.ALREADY_SHARED',
    });
    const missing = await run(tenant, 'share-content', ['hal'], { items: [{ kind: 'learnlist', id: 'l-9' }] });
    expect(missing.items.get('hal')).toMatchObject({ status: 'failed', code: 'LEARNING.CONTENT_NOT_FOUND', message: 'learnlist l-9 not found' });
  });

  it('deactivate removes the open task and the upcoming event; the completed enrolment, the done task and the past event stay', async () => {
    const tenant = await seed('deact', ['ida']);
    await learnerDoc(tenant, 'ida', {
      enrolments: [{ courseId: 'c-1', status: 'completed', attempt: 1, enrolledAt: ago(30), completedAt: ago(2) }],
      tasks: [
        { taskId: 't-open', title: 'Open', status: 'open' },
        { taskId: 't-done', title: 'Done', status: 'done' },
      ],
      eventEnrolments: [
        { eventId: 'e-next', title: 'Next', startsAt: new Date(Date.now() + 7 * DAY) },
        { eventId: 'e-past', title: 'Past', startsAt: ago(7) },
      ],
    });
    const { items } = await run(tenant, 'deactivate', ['ida']);
    expect(items.get('ida')).toMatchObject({ status: 'succeeded', step: 'hold-messages' });
    const after = await learner(tenant, 'ida');
    expect(after?.tasks.map((t) => t.taskId)).toEqual(['t-done']);
    expect(after?.eventEnrolments.map((e) => e.eventId)).toEqual(['e-past']);
    expect(after?.enrolments).toEqual([expect.objectContaining({ courseId: 'c-1', status: 'completed' })]);
  });

  it('auto-enrol (add-to-groups’ step 1) enrols from the step data: a completed course as attempt 2; a redelivery the same', async () => {
    const tenant = await seed('auto', ['jo', 'kai']);
    await learnerDoc(tenant, 'jo', { enrolments: [{ courseId: 'c-1', status: 'passed', attempt: 1, enrolledAt: ago(90), completedAt: ago(60) }] });
    const work: WorkChunk = {
      jobId: `job-${tenant}`,
      step: 1,
      chunk: 0,
      attempt: 1,
      tenantId: tenant,
      action: 'auto-enrol',
      params: { groupIds: ['g-1'] },
      userIds: ['jo', 'kai'],
      data: {
        jo: { autoEnrol: { courseIds: ['c-1', 'c-2'], groupIds: ['g-1'] } },
        kai: { autoEnrol: { courseIds: ['c-2', 'c-gone'], groupIds: ['g-1'] } },
      },
    };
    const step = async (attempt: number) => {
      await producer.send({ topic: TOPICS.learningWork, messages: [{ key: work.jobId, value: JSON.stringify({ ...work, attempt }) }] });
      const [result] = await recorder.waitFor<ChunkResult>(
        TOPICS.results,
        (r) => r.jobId === work.jobId && r.attempt === attempt && r.service === 'learning',
      );
      return result;
    };
    const first = await step(1);
    expect(first.outcomes).toEqual([
      { userId: 'jo', status: 'succeeded', before: ['c-1', 'c-2'] },
      { userId: 'kai', status: 'failed', code: 'LEARNING.COURSE_NOT_FOUND', message: 'course c-gone not found', retryable: false },
    ]);
    const jo = await learner(tenant, 'jo');
    expect(jo?.enrolments).toEqual([
      expect.objectContaining({
        courseId: 'c-1',
        status: 'enrolled',
        attempt: 2,
        source: 'auto',
        history: [expect.objectContaining({ attempt: 1, status: 'passed' })],
      }),
      expect.objectContaining({ courseId: 'c-2', status: 'enrolled', attempt: 1, source: 'auto' }),
    ]);
    expect(await learner(tenant, 'kai')).toBeUndefined();

    expect((await step(2)).outcomes).toEqual(first.outcomes);
    expect((await learner(tenant, 'jo'))?.enrolments).toEqual(jo?.enrolments);
  });
});
