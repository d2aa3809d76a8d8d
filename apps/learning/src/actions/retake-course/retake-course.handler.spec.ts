import { enrolment, testLearner, testPerson, testRunner, testWork } from '../test-learning';
import { RetakeCourse, RetakeCourseHandler } from './retake-course.handler';

describe('RetakeCourseHandler', () => {
  it('starts attempt 2 once, however often the chunk comes', async () => {
    const { runner, learners } = testRunner([testPerson('u1')], [testLearner('u1', { enrolments: [enrolment('c1', 'completed')] })]);
    const handler = new RetakeCourseHandler(runner);
    const work = testWork('retake-course', { courseId: 'c1' });
    const first = await handler.execute(new RetakeCourse(work));
    expect(first).toEqual([{ userId: 'u1', status: 'succeeded', before: 'completed' }]);
    expect(await handler.execute(new RetakeCourse(work))).toEqual(first);
    expect(learners.store.get('u1')?.enrolments).toEqual([
      expect.objectContaining({ attempt: 2, status: 'enrolled', history: [expect.objectContaining({ attempt: 1 })] }),
    ]);
    expect(learners.store.get('u1')?.enrolments[0].completedAt).toBeUndefined();
  });

  it('a dry run writes nothing', async () => {
    const { runner, learners } = testRunner([testPerson('u1')], [testLearner('u1', { enrolments: [enrolment('c1', 'completed')] })]);
    const [outcome] = await new RetakeCourseHandler(runner).execute(new RetakeCourse(testWork('retake-course', { courseId: 'c1' }), true));
    expect(outcome).toEqual({
      userId: 'u1',
      status: 'succeeded',
      before: { status: 'completed', attempt: 1 },
      data: { after: { status: 'enrolled', attempt: 2 } },
    });
    expect(learners.batches).toEqual([]);
  });
});
