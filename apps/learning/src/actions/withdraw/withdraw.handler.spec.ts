import { course, enrolment, fakeCatalogue, testLearner, testPerson, testRunner, testWork } from '../test-learning';
import { Withdraw, WithdrawHandler } from './withdraw.handler';

describe('WithdrawHandler', () => {
  it('withdraws from a path’s courses too (a finished one kept as a withdrawn record), and from a course the catalogue no longer has', async () => {
    const enrolments = [enrolment('p1', 'in-progress'), enrolment('c1', 'completed'), enrolment('c2', 'enrolled'), enrolment('old', 'in-progress')];
    const { runner, learners } = testRunner([testPerson('u1')], [testLearner('u1', { enrolments })]);
    const handler = new WithdrawHandler(
      runner,
      fakeCatalogue([course('p1', 'Path', { kind: 'learning-path', courseIds: ['c1', 'c2'] }), course('c1'), course('c2')]),
    );
    const [outcome] = await handler.execute(new Withdraw(testWork('withdraw', { courseIds: ['p1', 'old'] })));
    expect(outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['p1', 'c1', 'c2', 'old'], data: { finished: ['c1'] } });
    expect(learners.store.get('u1')?.enrolments).toEqual([]);
    expect(learners.store.get('u1')?.withdrawn?.map((e) => [e.courseId, e.status])).toEqual([['c1', 'completed']]);
  });

  it('bad params fail everyone naming the field', async () => {
    const { runner } = testRunner([testPerson('u1')]);
    const [outcome] = await new WithdrawHandler(runner, fakeCatalogue()).execute(new Withdraw(testWork('withdraw', { courseIds: 'c1' })));
    expect(outcome).toMatchObject({ code: 'LEARNING.INVALID_PARAMS', message: expect.stringMatching(/^params\.courseIds: /) });
  });
});
