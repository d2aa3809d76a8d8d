import { course, daysAgo, enrolment, fakeCatalogue, testLearner, testPerson, testRunner, testWork } from '../test-learning';
import { AutoEnrol, AutoEnrolHandler } from './auto-enrol.handler';

describe('AutoEnrolHandler', () => {
  const setup = () => {
    const { runner, learners } = testRunner(
      [testPerson('u1'), testPerson('u2'), testPerson('u3')],
      [testLearner('u1', { enrolments: [enrolment('c1', 'completed', { completedAt: daysAgo(5) })] })],
    );
    return { handler: new AutoEnrolHandler(runner, fakeCatalogue([course('c1'), course('c2')])), learners };
  };
  const work = (data: Record<string, Record<string, unknown>>) =>
    testWork('auto-enrol', { groupIds: ['g1'] }, Object.keys(data), { step: 1, jobId: 'job7', data });

  it('reads each person’s targets from the previous step’s data; a completed course becomes attempt 2', async () => {
    const { handler, learners } = setup();
    const outcomes = await handler.execute(
      new AutoEnrol(
        work({
          u1: { autoEnrol: { courseIds: ['c1', 'c2'], groupIds: ['g1'] } },
          u2: { autoEnrol: { courseIds: [], groupIds: ['g1'] } },
          u3: { autoEnrol: { courseIds: ['c2', 'c-gone'], groupIds: ['g1'] } },
        }),
      ),
    );
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'succeeded', 'LEARNING.COURSE_NOT_FOUND']);
    expect(outcomes[2]).toMatchObject({ retryable: false, message: 'course c-gone not found' });
    expect(learners.store.get('u1')?.enrolments).toEqual([
      expect.objectContaining({
        courseId: 'c1',
        status: 'enrolled',
        attempt: 2,
        source: 'auto',
        history: [expect.objectContaining({ status: 'completed' })],
      }),
      expect.objectContaining({ courseId: 'c2', status: 'enrolled', attempt: 1, source: 'auto' }),
    ]);
    expect(learners.store.get('u1')?.ops).toEqual([{ k: 'job7:1', b: ['c1', 'c2'] }]);
    expect(learners.store.has('u2')).toBe(false);
    expect(learners.store.has('u3')).toBe(false);

    expect(await handler.execute(new AutoEnrol(work({ u1: { autoEnrol: { courseIds: ['c1', 'c2'] } } })))).toEqual([outcomes[0]]);
    expect(learners.batches).toHaveLength(1);
  });
});
