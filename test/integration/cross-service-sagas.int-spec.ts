import { INestApplication } from '@nestjs/common';
import { Preview } from '@cohort/contracts';
import { eventually, uniqueTenant } from '@cohort/testing';
import { jobHelpers } from '../support/jobs';
import { CohortSystem, personDoc, postJson, startSystem } from '../support/system';
import { insertLearner } from '../support/learners';

interface Enrolment {
  courseId: string;
  status: string;
  attempt: number;
  enrolledAt: Date;
  completedAt?: Date;
  history?: Array<{ attempt: number; status: string }>;
}

interface Learner {
  _id: string;
  enrolments: Enrolment[];
  tasks: Array<{ taskId: string; status: string }>;
  eventEnrolments: Array<{ eventId: string; startsAt: Date }>;
}

const DAY = 86_400_000;

/**
 * The sagas that cross services, on real parts (Kafka, the store, every participant service): each
 * person's effect is checked in every service's own collections.
 * - deactivate: identity → learning removes temporary data → communications holds; reactivate brings the
 *   person back with their completed work intact;
 * - delete: identity pending deletion → membership, learning, communications erase → identity erases;
 * - add-to-groups with auto-enrolment: membership adds → learning enrols in the groups' target courses, a
 *   completed course as a new attempt; a failing enrolment fails the person at that step and the saga
 *   removes them from the group again (compensation).
 */
describe('cross-service sagas: deactivate/reactivate, delete, add-to-groups with auto-enrolment', () => {
  let system: CohortSystem;
  const participants: INestApplication[] = [];
  const db = (service: string) => system.db(service);
  const learner = (tenant: string, userId: string) =>
    db('learning')
      .collection<Learner>('learners')
      .findOne({ _id: `${tenant}:${userId}` });
  const membership = (tenant: string, userId: string) =>
    db('membership')
      .collection<{ _id: string; groupIds: string[]; sharedWith: string[] }>('memberships')
      .findOne({ _id: `${tenant}:${userId}` });

  async function people(tenant: string, ids: Array<string | [string, Record<string, unknown>]>) {
    const docs = [
      personDoc(tenant, 'owner', { role: 'Owner' }),
      ...ids.map((p) => (typeof p === 'string' ? personDoc(tenant, p) : personDoc(tenant, p[0], p[1]))),
    ];
    await db('identity')
      .collection('people')
      .insertMany(docs as never[]);
  }

  async function courses(tenant: string, ids: string[]) {
    await db('learning')
      .collection('courses')
      .insertMany(
        ids.map((courseId) => ({ _id: `${tenant}:${courseId}`, tenantId: tenant, courseId, title: `Course ${courseId}`, kind: 'course' })) as never[],
      );
  }

  async function group(tenant: string, groupId: string, autoEnrolCourseIds: string[], managerUserIds: string[] = []) {
    await db('membership')
      .collection('groups')
      .insertOne({
        _id: `${tenant}:${groupId}`,
        tenantId: tenant,
        groupId,
        name: `Group ${groupId}`,
        kind: 'group',
        autoEnrolCourseIds,
        managerUserIds,
      } as never);
  }

  const learnerDoc = (tenant: string, userId: string, fields: Partial<Learner>) => insertLearner(db('learning'), tenant, userId, fields);

  /** the user ids identity's directory finds for a filter, sorted */
  async function directory(tenant: string, filter: Record<string, unknown>): Promise<string[]> {
    const page = await postJson<{ items: Array<{ userId: string }> }>(`${process.env.IDENTITY_URL}/internal/tenants/${tenant}/people/search`, {
      filter,
      limit: 100,
    });
    expect(page.status).toBe(200);
    return page.body.items.map((p) => p.userId).sort();
  }

  const { run, finished } = jobHelpers(() => system);

  beforeAll(async () => {
    system = await startSystem({ env: { ORCH_RETRY_BASE_MS: '200', ORCH_PROGRESS_MS: '300' } });
    for (const service of ['membership', 'learning', 'communications'] as const) participants.push(await system.startParticipant(service));
  });

  afterAll(async () => {
    for (const app of participants) await app.close();
    await system?.stop();
  });

  it('deactivate removes upcoming tasks and event enrolments only; reactivate finds the completed work intact', async () => {
    const tenant = uniqueTenant('deact');
    await people(tenant, ['ana']);
    const now = Date.now();
    await learnerDoc(tenant, 'ana', {
      enrolments: [
        { courseId: 'c-done', status: 'completed', attempt: 1, enrolledAt: new Date(now - 30 * DAY), completedAt: new Date(now - 2 * DAY) },
        { courseId: 'c-open', status: 'in-progress', attempt: 1, enrolledAt: new Date(now - 5 * DAY) },
      ],
      tasks: [
        { taskId: 't-open', status: 'open' },
        { taskId: 't-done', status: 'done' },
      ],
      eventEnrolments: [
        { eventId: 'e-next-week', startsAt: new Date(now + 7 * DAY) },
        { eventId: 'e-last-week', startsAt: new Date(now - 7 * DAY) },
      ],
    });
    await db('learning')
      .collection('certificates')
      .insertOne({
        _id: `${tenant}:cert-1`,
        tenantId: tenant,
        userId: 'ana',
        certificateId: 'cert-1',
        title: 'Done',
        verificationCode: 'AAAA-BBBB-CCCC',
        issuedAt: new Date(),
      } as never);

    const deactivated = await run(tenant, 'deactivate', ['ana']);
    expect(deactivated.items.get('ana')).toMatchObject({ status: 'succeeded', step: 'hold-messages' });
    const after = await learner(tenant, 'ana');
    expect(after?.tasks.map((t) => t.taskId)).toEqual(['t-done']);
    expect(after?.eventEnrolments.map((e) => e.eventId)).toEqual(['e-last-week']);
    expect(after?.enrolments.map((e) => `${e.courseId}:${e.status}`)).toEqual(['c-done:completed', 'c-open:in-progress']);

    const reactivated = await run(tenant, 'reactivate', ['ana']);
    expect(reactivated.items.get('ana')).toMatchObject({ status: 'succeeded' });
    expect(
      (
        await db('identity')
          .collection('people')
          .findOne({ _id: `${tenant}:ana` } as never)
      )?.status,
    ).toBe('active');
    const back = await learner(tenant, 'ana');
    expect(back?.enrolments.find((e) => e.courseId === 'c-done')).toMatchObject({ status: 'completed', attempt: 1 });
    expect(back?.tasks.map((t) => t.taskId)).toEqual(['t-done']);
    expect(await db('learning').collection('certificates').countDocuments({ tenantId: tenant, userId: 'ana' })).toBe(1);
  });

  it('delete erases the person in membership, learning and communications, then in identity', async () => {
    const tenant = uniqueTenant('delete');
    await people(tenant, ['bo', ['mia', { role: 'Manager' }], 'kim']);
    await group(tenant, 'team-x', [], ['mia']);
    await db('membership')
      .collection('memberships')
      .insertMany([
        { _id: `${tenant}:bo`, tenantId: tenant, userId: 'bo', groupIds: ['team-x'], sharedWith: [], ops: [] },
        { _id: `${tenant}:kim`, tenantId: tenant, userId: 'kim', groupIds: [], sharedWith: ['mia'], ops: [] },
      ] as never[]);
    await learnerDoc(tenant, 'bo', { enrolments: [{ courseId: 'c1', status: 'completed', attempt: 1, enrolledAt: new Date() }] });
    await db('learning')
      .collection('certificates')
      .insertOne({
        _id: `${tenant}:cert-bo`,
        tenantId: tenant,
        userId: 'bo',
        certificateId: 'cert-bo',
        title: 'T',
        verificationCode: 'X',
        issuedAt: new Date(),
      } as never);
    await db('communications')
      .collection('notifications')
      .insertOne({ _id: `${tenant}:n1`, tenantId: tenant, userId: 'bo', subject: 'Hello', body: 'Hi', createdAt: new Date() } as never);

    const { job, items } = await run(tenant, 'delete', ['bo', 'mia']);
    expect(job.counts).toMatchObject({ succeeded: 2 });
    expect(items.get('bo')).toMatchObject({ status: 'succeeded', step: 'erase-person' });
    expect(
      await db('identity')
        .collection('people')
        .countDocuments({ tenantId: tenant, userId: { $in: ['bo', 'mia'] } }),
    ).toBe(0);
    expect(await membership(tenant, 'bo')).toBeNull();
    expect((await membership(tenant, 'kim'))?.sharedWith).toEqual([]); // the erased manager is gone from who kim is shared with
    expect(
      (
        await db('membership')
          .collection('groups')
          .findOne({ _id: `${tenant}:team-x` } as never)
      )?.managerUserIds,
    ).toEqual([]);
    expect(await learner(tenant, 'bo')).toBeNull();
    expect(await db('learning').collection('certificates').countDocuments({ tenantId: tenant, userId: 'bo' })).toBe(0);
    expect(await db('communications').collection('notifications').countDocuments({ tenantId: tenant, userId: 'bo' })).toBe(0);
    expect(await db('identity').collection('people').countDocuments({ tenantId: tenant, userId: 'kim' })).toBe(1);
  });

  it('add-to-groups previews and runs the auto-enrolment: a completed course becomes a new attempt; undo removes the membership', async () => {
    const tenant = uniqueTenant('autoenrol');
    await people(tenant, ['cas', 'dex', 'eli']);
    await courses(tenant, ['c-safety', 'c-first-aid']);
    await group(tenant, 'g-safety', ['c-safety', 'c-first-aid']);
    await learnerDoc(tenant, 'cas', {
      enrolments: [
        {
          courseId: 'c-safety',
          status: 'passed',
          attempt: 1,
          enrolledAt: new Date(Date.now() - 90 * DAY),
          completedAt: new Date(Date.now() - 60 * DAY),
        },
      ],
    });
    await db('membership')
      .collection('memberships')
      .insertOne({ _id: `${tenant}:dex`, tenantId: tenant, userId: 'dex', groupIds: ['g-safety'], sharedWith: [], ops: [] } as never);

    const request = { actorId: 'owner', action: 'add-to-groups', params: { groupIds: ['g-safety'] }, selection: { userIds: ['cas', 'dex', 'eli'] } };
    const preview = await postJson<Preview>(`${system.jobsUrl(tenant)}/preview`, request);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ total: 3, willChange: 2, exact: true });
    expect(preview.body.skipped).toEqual([expect.objectContaining({ code: 'MEMBERSHIP.ALREADY_MEMBER', count: 1 })]);
    expect(preview.body.warnings).toContainEqual(
      expect.objectContaining({ code: 'AUTO_ENROLMENT', message: expect.stringMatching(/^2 people will be enrolled in 2 courses/) }),
    );

    const confirmed = await postJson<{ id: string }>(system.jobsUrl(tenant), { ...request, snapshotId: preview.body.snapshotId });
    expect(confirmed.status).toBe(202);
    const { job, items } = await finished(tenant, confirmed.body.id);
    expect(job.counts).toMatchObject({ succeeded: 2, skipped: 1 });
    expect(items.get('dex')).toMatchObject({ status: 'skipped', code: 'MEMBERSHIP.ALREADY_MEMBER' });
    expect(items.get('cas')).toMatchObject({ status: 'succeeded', step: 'auto-enrol' });
    expect((await membership(tenant, 'cas'))?.groupIds).toEqual(['g-safety']);
    const cas = await learner(tenant, 'cas');
    expect(cas?.enrolments.find((e) => e.courseId === 'c-safety')).toMatchObject({ status: 'enrolled', attempt: 2 });
    expect(cas?.enrolments.find((e) => e.courseId === 'c-safety')?.history).toEqual([expect.objectContaining({ attempt: 1, status: 'passed' })]);
    expect(cas?.enrolments.find((e) => e.courseId === 'c-first-aid')).toMatchObject({ status: 'enrolled', attempt: 1 });
    expect((await learner(tenant, 'eli'))?.enrolments.map((e) => e.courseId).sort()).toEqual(['c-first-aid', 'c-safety']);
    expect((await learner(tenant, 'dex'))?.enrolments ?? []).toEqual([]); // skipped: not enrolled

    // the directory filters on what membership and learning told identity (people facts)
    await eventually(async () => (await directory(tenant, { groupIds: ['g-safety'] })).join() === 'cas,eli', 20_000, 'group facts in the directory');
    await eventually(
      async () => (await directory(tenant, { courseId: 'c-first-aid' })).join() === 'cas,eli',
      20_000,
      'course facts in the directory',
    );
    expect(await directory(tenant, { courseId: 'c-safety', courseStatus: 'not-started' })).toEqual(['cas', 'eli']); // cas' new attempt is open
    expect(await directory(tenant, { courseId: 'c-safety', courseStatus: 'passed' })).toEqual([]);
    // eli begins one of the courses: the undo leaves what has been started
    const eli = await learner(tenant, 'eli');
    await db('learning')
      .collection<{ _id: string }>('learners')
      .updateOne(
        { _id: `${tenant}:eli` },
        { $set: { enrolments: eli!.enrolments.map((e) => (e.courseId === 'c-first-aid' ? { ...e, status: 'in-progress' } : e)) } },
      );

    // the undo previews like any job: the two people it changed, what comes back, what goes with it
    const undoUrl = `${system.jobsUrl(tenant)}/${confirmed.body.id}/undo`;
    const undoPreview = await postJson<Preview>(`${undoUrl}/preview`, { actorId: 'owner' });
    expect(undoPreview.status).toBe(200);
    expect(undoPreview.body).toMatchObject({ action: 'undo-add-to-groups', undoOf: confirmed.body.id, total: 2, willChange: 2, exact: true });
    expect(undoPreview.body.sample.map((p) => [p.userId, p.before, p.after]).sort()).toEqual([
      ['cas', ['g-safety'], []],
      ['eli', ['g-safety'], []],
    ]);
    expect(undoPreview.body.warnings).toEqual([
      {
        code: 'UNDO',
        message: expect.stringContaining('the enrolments its auto-enrolment made are removed too, except those the person has started or finished'),
      },
    ]);
    const undo = await postJson<{ id: string }>(undoUrl, { actorId: 'owner', snapshotId: undoPreview.body.snapshotId });
    expect(undo.status).toBe(202);
    expect(undo.body.id).toBe(undoPreview.body.snapshotId); // exactly the previewed job
    const twice = await postJson<{ id: string; duplicate?: boolean }>(undoUrl, { actorId: 'owner', snapshotId: undoPreview.body.snapshotId });
    expect(twice.body).toMatchObject({ id: undo.body.id, duplicate: true }); // a double click is one undo
    const undone = await finished(tenant, undo.body.id);
    expect(undone.job.counts).toMatchObject({ succeeded: 2 });
    expect((await membership(tenant, 'cas'))?.groupIds).toEqual([]);
    expect((await membership(tenant, 'dex'))?.groupIds).toEqual(['g-safety']); // was a member before: untouched
    await eventually(async () => (await directory(tenant, { groupIds: ['g-safety'] })).length === 0, 20_000, 'group facts after the undo');
    // and the enrolments the job made that nobody started: cas' passed attempt is current again, eli keeps what she began
    const casAfter = await learner(tenant, 'cas');
    expect(casAfter?.enrolments).toEqual([expect.objectContaining({ courseId: 'c-safety', status: 'passed', attempt: 1, history: [] })]);
    expect((await learner(tenant, 'eli'))?.enrolments.map((e) => [e.courseId, e.status])).toEqual([['c-first-aid', 'in-progress']]);
    await eventually(
      async () => (await directory(tenant, { courseId: 'c-safety', courseStatus: 'passed' })).join() === 'cas',
      20_000,
      'course facts after the undo',
    );
  });

  it('the undo of remove-from-groups puts the memberships back and enrols nobody again', async () => {
    const tenant = uniqueTenant('regroup');
    await people(tenant, ['gil', ['boss', { role: 'Admin' }]]);
    await courses(tenant, ['c-safety']);
    await group(tenant, 'g-safety', ['c-safety']);
    await learnerDoc(tenant, 'gil', {
      enrolments: [
        {
          courseId: 'c-safety',
          status: 'passed',
          attempt: 1,
          enrolledAt: new Date(Date.now() - 90 * DAY),
          completedAt: new Date(Date.now() - 60 * DAY),
        },
      ],
    });
    await db('membership')
      .collection('memberships')
      .insertOne({ _id: `${tenant}:gil`, tenantId: tenant, userId: 'gil', groupIds: ['g-safety'], sharedWith: [], ops: [] } as never);
    const removed = await postJson<{ id: string }>(system.jobsUrl(tenant), {
      actorId: 'owner',
      action: 'remove-from-groups',
      params: { groupIds: ['g-safety'] },
      selection: { userIds: ['gil'] },
    });
    expect((await finished(tenant, removed.body.id)).job.counts).toMatchObject({ succeeded: 1 });
    expect((await membership(tenant, 'gil'))?.groupIds).toEqual([]);

    const undoUrl = `${system.jobsUrl(tenant)}/${removed.body.id}/undo`;
    const undoPreview = await postJson<Preview>(`${undoUrl}/preview`, { actorId: 'owner' });
    expect(undoPreview.body).toMatchObject({ action: 'restore-groups', total: 1, willChange: 1 });
    expect(undoPreview.body.warnings).toEqual([
      { code: 'UNDO', message: expect.stringMatching(/nobody is auto-enrolled again: no course starts over$/) },
    ]);
    // a Learner may not undo it, nor see what the undo would do
    const learnerAsks = await postJson<{ code: string }>(`${undoUrl}/preview`, { actorId: 'gil' });
    expect(learnerAsks).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
    // a preview is one actor's: another may not confirm it
    const other = await postJson<{ code: string }>(undoUrl, { actorId: 'boss', snapshotId: undoPreview.body.snapshotId });
    expect(other).toMatchObject({ status: 409, body: { code: 'SNAPSHOT.MISMATCH' } });
    const undo = await postJson<{ id: string }>(undoUrl, { actorId: 'owner' }); // without the preview: every person the job changed
    expect(undo.status).toBe(202);
    expect((await finished(tenant, undo.body.id)).job.counts).toMatchObject({ succeeded: 1 });
    expect((await membership(tenant, 'gil'))?.groupIds).toEqual(['g-safety']);
    // no new attempt of the course gil passed: exactly what was there
    expect((await learner(tenant, 'gil'))?.enrolments).toEqual([expect.objectContaining({ courseId: 'c-safety', status: 'passed', attempt: 1 })]);
  });

  it('an auto-enrolment that fails leaves the person failed at that step and removes them from the group again', async () => {
    const tenant = uniqueTenant('compensate');
    await people(tenant, ['fay']);
    await courses(tenant, ['c-real']);
    await group(tenant, 'g-broken', ['c-real', 'c-retired']); // c-retired no longer exists
    await group(tenant, 'g-plain', []);

    const { job, items } = await run(tenant, 'add-to-groups', ['fay'], { groupIds: ['g-broken', 'g-plain'] });
    expect(job.counts).toMatchObject({ failed: 1 });
    expect(items.get('fay')).toMatchObject({ status: 'failed', code: 'LEARNING.COURSE_NOT_FOUND', step: 'auto-enrol' });
    expect(items.get('fay')?.message).toContain('c-retired');
    expect((await membership(tenant, 'fay'))?.groupIds).toEqual([]); // compensated: both groups the step added are gone
  });
});
