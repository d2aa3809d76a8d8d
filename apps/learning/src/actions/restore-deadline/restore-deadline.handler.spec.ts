import { enrolment, testLearner, testPerson, testRunner, testWork } from '../test-learning';
import { RestoreDeadline, RestoreDeadlineHandler } from './restore-deadline.handler';

describe('RestoreDeadlineHandler', () => {
  it('removes the deadline for deadline null', async () => {
    const { runner, learners } = testRunner(
      [testPerson('u1')],
      [testLearner('u1', { enrolments: [enrolment('c1', 'enrolled', { deadline: new Date() })] })],
    );
    const outcomes = await new RestoreDeadlineHandler(runner).execute(
      new RestoreDeadline(testWork('restore-deadline', { courseId: 'c1', deadline: null })),
    );
    expect(outcomes).toEqual([{ userId: 'u1', status: 'succeeded', before: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) }]);
    expect(learners.store.get('u1')?.enrolments[0].deadline).toBeUndefined();
  });

  it('validates its own params: a missing or malformed field fails everyone, named', async () => {
    const { runner } = testRunner([testPerson('u1')]);
    const handler = new RestoreDeadlineHandler(runner);
    const [missing] = await handler.execute(new RestoreDeadline(testWork('restore-deadline', { courseId: 'c1' })));
    expect(missing).toMatchObject({
      status: 'failed',
      code: 'LEARNING.INVALID_PARAMS',
      message: expect.stringMatching(/^params\.deadline: /),
      retryable: false,
    });
    const [extra] = await handler.execute(new RestoreDeadline(testWork('restore-deadline', { courseId: 'c1', deadline: null, x: 1 })));
    expect(extra.message).toMatch(/^params\.x: /);
  });
});
