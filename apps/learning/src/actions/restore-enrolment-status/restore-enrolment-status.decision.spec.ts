import { daysAgo, enrolment, subject, testLearner } from '../test-learning';
import { decideRestoreEnrolmentStatus } from './restore-enrolment-status.decision';

describe('decideRestoreEnrolmentStatus', () => {
  const learner = testLearner('u1', { enrolments: [enrolment('c1', 'passed')] });
  const after = (d: ReturnType<typeof decideRestoreEnrolmentStatus>) =>
    (d.change?.update as { $set: { enrolments: ReturnType<typeof enrolment>[] } }).$set.enrolments[0];

  it('an open status back: its completion goes too; before = the status replaced', () => {
    const d = decideRestoreEnrolmentStatus(subject('u1', { learner }), { courseId: 'c1', status: 'in-progress' });
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 'passed' });
    expect(after(d)).toEqual(enrolment('c1', 'in-progress'));
  });

  it('a finished status back keeps the completion, unless completedAt says otherwise', () => {
    expect(after(decideRestoreEnrolmentStatus(subject('u1', { learner }), { courseId: 'c1', status: 'completed' })).completedAt).toEqual(daysAgo(3));
    expect(
      after(decideRestoreEnrolmentStatus(subject('u1', { learner }), { courseId: 'c1', status: 'undecided', completedAt: null })).completedAt,
    ).toBeUndefined();
    const at = '2029-06-01T10:00:00.000Z';
    expect(
      after(decideRestoreEnrolmentStatus(subject('u1', { learner }), { courseId: 'c1', status: 'failed', completedAt: at })).completedAt,
    ).toEqual(new Date(at));
  });

  it('skips NOT_ENROLLED and UNCHANGED; fails the unknown', () => {
    expect(decideRestoreEnrolmentStatus(subject('u1', { learner }), { courseId: 'c9', status: 'enrolled' }).outcome.code).toBe(
      'LEARNING.NOT_ENROLLED',
    );
    expect(decideRestoreEnrolmentStatus(subject('u1', { learner }), { courseId: 'c1', status: 'passed' }).outcome.code).toBe('LEARNING.UNCHANGED');
    expect(decideRestoreEnrolmentStatus(subject('u9', { person: null }), { courseId: 'c1', status: 'passed' }).outcome.code).toBe(
      'LEARNING.NOT_FOUND',
    );
  });
});
