import { enrolment, subject, testLearner } from '../test-learning';
import { decideRestoreDeadline } from './restore-deadline.decision';

describe('decideRestoreDeadline', () => {
  const learner = testLearner('u1', {
    enrolments: [
      enrolment('c1', 'in-progress', { deadline: new Date('2030-02-01T00:00:00Z') }),
      enrolment('c2', 'passed', { deadline: new Date('2030-02-01T00:00:00Z') }),
    ],
  });
  const enrolmentsAfter = (d: ReturnType<typeof decideRestoreDeadline>) =>
    (d.change?.update as { $set: { enrolments: ReturnType<typeof enrolment>[] } }).$set.enrolments;

  it('null removes the deadline a set-deadline added', () => {
    const d = decideRestoreDeadline(subject('u1', { learner }), { courseId: 'c1', deadline: null });
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: '2030-02-01' });
    expect(enrolmentsAfter(d)[0]).toEqual(enrolment('c1', 'in-progress'));
    expect('deadline' in enrolmentsAfter(d)[0]).toBe(false);
  });

  it('puts back a prior date, whatever the status is now', () => {
    const d = decideRestoreDeadline(subject('u1', { learner }), { courseId: 'c2', deadline: '2029-12-31' });
    expect(enrolmentsAfter(d)[1].deadline).toEqual(new Date('2029-12-31T00:00:00Z'));
  });

  it('skips NOT_ENROLLED and UNCHANGED; fails the unknown', () => {
    expect(decideRestoreDeadline(subject('u1', { learner }), { courseId: 'c9', deadline: null }).outcome.code).toBe('LEARNING.NOT_ENROLLED');
    expect(decideRestoreDeadline(subject('u1', { learner }), { courseId: 'c1', deadline: '2030-02-01' }).outcome.code).toBe('LEARNING.UNCHANGED');
    expect(decideRestoreDeadline(subject('u9', { person: null }), { courseId: 'c1', deadline: null }).outcome.code).toBe('LEARNING.NOT_FOUND');
  });
});
