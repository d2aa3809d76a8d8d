import { changed } from './learner-decision';
import { DecideLearner } from './learner-action.runner';
import { enrolment, testLearner, testPerson, testRunner, testWork } from './test-learning';

/** A decision that appends a content share to everyone found (and fails the unknown the way every action does). */
const share: DecideLearner = (s) =>
  s.person
    ? changed(s, {
        before: 1,
        update: { $push: { contentShares: { kind: 'item', id: 'x', sharedAt: new Date(0) } } },
        preview: { before: 0, after: 1 },
        data: { n: 1 },
      })
    : { outcome: { userId: s.userId, status: 'failed', code: 'LEARNING.NOT_FOUND' } };

describe('LearnerActionRunner', () => {
  it('decides each person once with who they are and their document, and writes the changes in one bulk write', async () => {
    const { runner, learners } = testRunner([testPerson('u1'), testPerson('u2')], [testLearner('u1')]);
    const seen: string[] = [];
    const outcomes = await runner.run(testWork('x', {}, ['u1', 'u2', 'u1', 'u9']), false, () => (s) => {
      seen.push(`${s.userId}:${s.learner ? 'doc' : 'none'}:${s.key}`);
      return share(s);
    });
    expect(seen).toEqual(['u1:doc:job1:0', 'u2:none:job1:0', 'u9:none:job1:0']);
    expect(outcomes.map((o) => o.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'failed']);
    expect(learners.batches).toHaveLength(1);
    expect(learners.batches[0].map((u) => u.userId)).toEqual(['u1', 'u2']);
    expect(learners.store.get('u2')?.contentShares).toHaveLength(1);
    expect(learners.store.has('u9')).toBe(false);
  });

  it("an action that changes enrolments tells identity's directory the courses, as stored, of the people it succeeded for", async () => {
    const done = { ...testLearner('u1'), enrolments: [enrolment('c1', 'passed'), enrolment('c2', 'enrolled')] };
    const { runner, published } = testRunner([testPerson('u1'), testPerson('u2')], [done]);
    await runner.run(testWork('x', {}, ['u1', 'u9']), false, () => share, { changesCourses: true });
    expect(published).toEqual([
      {
        tenantId: 't',
        userId: 'u1',
        courseIds: ['c1', 'c2'],
        completedCourseIds: ['c1'],
        passedCourseIds: ['c1'],
        failedCourseIds: [],
        startedCourseIds: [],
        at: expect.any(String),
      },
    ]);
    const other = testRunner([testPerson('u1')], [done]);
    await other.runner.run(testWork('x', {}, ['u1']), false, () => share);
    await other.runner.run(testWork('x', {}, ['u1']), true, () => share, { changesCourses: true });
    expect(other.published).toEqual([]);
  });

  it('a dry run shows before → after and writes nothing', async () => {
    const { runner, learners } = testRunner([testPerson('u1')]);
    const outcomes = await runner.run(testWork('x', {}, ['u1']), true, () => (s) => {
      expect(s.key).toBe(':dry-run');
      return share(s);
    });
    expect(outcomes).toEqual([{ userId: 'u1', status: 'succeeded', before: 0, data: { n: 1, after: 1 } }]);
    expect(learners.batches).toEqual([]);
  });

  it('identity down: every person failed, retryable IDENTITY_UNAVAILABLE, nothing read or written', async () => {
    const { runner, learners } = testRunner([testPerson('u1')], [], true);
    const prepare = jest.fn(() => share);
    const outcomes = await runner.run(testWork('x', {}, ['u1', 'u2']), false, prepare);
    expect(outcomes).toEqual([
      { userId: 'u1', status: 'failed', code: 'LEARNING.IDENTITY_UNAVAILABLE', message: 'identity: connect ECONNREFUSED', retryable: true },
      { userId: 'u2', status: 'failed', code: 'LEARNING.IDENTITY_UNAVAILABLE', message: 'identity: connect ECONNREFUSED', retryable: true },
    ]);
    expect(prepare).not.toHaveBeenCalled();
    expect(learners.batches).toEqual([]);
  });

  it('the store down (reading the catalogue, the documents, or writing): every person failed, retryable STORE_UNAVAILABLE', async () => {
    const { runner, learners } = testRunner([testPerson('u1')]);
    const catalogueDown = await runner.run(testWork('x', {}, ['u1']), false, async () => {
      throw new Error('connection reset');
    });
    expect(catalogueDown).toEqual([
      { userId: 'u1', status: 'failed', code: 'LEARNING.STORE_UNAVAILABLE', message: 'learning store: connection reset', retryable: true },
    ]);
    learners.fail(new Error('write refused'));
    const [writeFailed] = await runner.run(testWork('x', {}, ['u1']), false, () => share);
    expect(writeFailed).toMatchObject({ status: 'failed', code: 'LEARNING.STORE_UNAVAILABLE', retryable: true });
  });
});
