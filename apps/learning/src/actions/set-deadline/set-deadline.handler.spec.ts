import { enrolment, testLearner, testPerson, testRunner, testWork } from '../test-learning';
import { SetDeadline, SetDeadlineHandler } from './set-deadline.handler';

describe('SetDeadlineHandler', () => {
  it('stores the deadline once; a redelivery returns the same before', async () => {
    const { runner, learners } = testRunner([testPerson('u1')], [testLearner('u1', { enrolments: [enrolment('c1', 'enrolled')] })]);
    const handler = new SetDeadlineHandler(runner);
    const work = testWork('set-deadline', { courseId: 'c1', deadline: '2030-05-31' });
    const first = await handler.execute(new SetDeadline(work));
    expect(first).toEqual([{ userId: 'u1', status: 'succeeded', before: { deadline: null } }]);
    expect(await handler.execute(new SetDeadline(work))).toEqual(first);
    expect(learners.store.get('u1')?.enrolments[0].deadline).toEqual(new Date('2030-05-31T00:00:00Z'));
    expect(learners.batches).toHaveLength(1);
  });

  it('bad params fail everyone naming the field', async () => {
    const { runner } = testRunner([testPerson('u1')]);
    const [outcome] = await new SetDeadlineHandler(runner).execute(
      new SetDeadline(testWork('set-deadline', { courseId: 'c1', deadline: '31-05-2030' })),
    );
    expect(outcome).toMatchObject({ code: 'LEARNING.INVALID_PARAMS', message: expect.stringMatching(/^params\.deadline: /) });
  });
});
