import { daysAgo, enrolment, NOW, subject, testLearner } from '../test-learning';
import { decideRetakeCourse } from './retake-course.decision';

describe('decideRetakeCourse', () => {
  it('moves the finished attempt to history and starts the next: enrolled, no completion', () => {
    const learner = testLearner('u1', {
      enrolments: [
        enrolment('c0', 'enrolled'),
        enrolment('c1', 'failed', { attempt: 2, history: [{ attempt: 1, status: 'failed', enrolledAt: daysAgo(90) }] }),
      ],
    });
    const d = decideRetakeCourse(subject('u1', { learner }), 'c1', NOW);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 'failed' });
    expect(d.change?.update).toEqual({
      $set: {
        enrolments: [
          enrolment('c0', 'enrolled'),
          {
            courseId: 'c1',
            status: 'enrolled',
            attempt: 3,
            enrolledAt: NOW,
            history: [
              { attempt: 1, status: 'failed', enrolledAt: daysAgo(90) },
              { attempt: 2, status: 'failed', enrolledAt: daysAgo(30), completedAt: daysAgo(3) },
            ],
          },
        ],
      },
    });
    expect(d.preview).toEqual({ before: { status: 'failed', attempt: 2 }, after: { status: 'enrolled', attempt: 3 } });
  });

  it('an attempt in progress is retaken too', () => {
    const learner = testLearner('u1', { enrolments: [enrolment('c1', 'in-progress')] });
    expect(decideRetakeCourse(subject('u1', { learner }), 'c1', NOW).outcome).toMatchObject({ status: 'succeeded', before: 'in-progress' });
  });

  it('skips NOT_ENROLLED and NOT_STARTED; fails the unknown', () => {
    const learner = testLearner('u1', { enrolments: [enrolment('c1', 'enrolled')] });
    expect(decideRetakeCourse(subject('u1', { learner }), 'c2', NOW).outcome.code).toBe('LEARNING.NOT_ENROLLED');
    expect(decideRetakeCourse(subject('u1', { learner }), 'c1', NOW).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'LEARNING.NOT_STARTED',
      message: 'has not started c1 yet',
    });
    expect(decideRetakeCourse(subject('u9', { person: null }), 'c1', NOW).outcome.code).toBe('LEARNING.NOT_FOUND');
  });

  it('a redelivery does not start a third attempt', () => {
    const learner = testLearner('u1', { enrolments: [enrolment('c1', 'enrolled', { attempt: 2 })], ops: [{ k: 'job1:0', b: 'passed' }] });
    expect(decideRetakeCourse(subject('u1', { learner }), 'c1', NOW)).toMatchObject({
      outcome: { status: 'succeeded', before: 'passed' },
      replayed: true,
    });
  });
});
