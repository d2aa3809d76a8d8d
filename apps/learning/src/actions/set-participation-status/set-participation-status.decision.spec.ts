import { daysAgo, enrolment, NOW, subject, testLearner } from '../test-learning';
import { decideSetParticipationStatus } from './set-participation-status.decision';

describe('decideSetParticipationStatus', () => {
  const learner = testLearner('u1', {
    enrolments: [enrolment('c1', 'in-progress'), enrolment('c2', 'completed'), enrolment('c3', 'undecided', { completedAt: undefined })],
  });
  const enrolmentsAfter = (d: ReturnType<typeof decideSetParticipationStatus>) =>
    (d.change?.update as { $set: { enrolments: ReturnType<typeof enrolment>[] } }).$set.enrolments;

  it('passed: completedAt becomes now when missing; before = the prior status and completion', () => {
    const d = decideSetParticipationStatus(subject('u1', { learner }), 'c1', 'passed', NOW);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: { status: 'in-progress', completedAt: null } });
    expect(enrolmentsAfter(d)[0]).toEqual(enrolment('c1', 'in-progress', { status: 'passed', completedAt: NOW }));
    expect(d.preview).toEqual({ before: 'in-progress', after: 'passed' });
  });

  it('keeps an earlier completion; undecided sets none', () => {
    const failed = decideSetParticipationStatus(subject('u1', { learner }), 'c2', 'failed', NOW);
    expect(enrolmentsAfter(failed)[1].completedAt).toEqual(daysAgo(3));
    expect(failed.outcome.before).toEqual({ status: 'completed', completedAt: daysAgo(3).toISOString() });
    expect(enrolmentsAfter(decideSetParticipationStatus(subject('u1', { learner }), 'c1', 'undecided', NOW))[0].completedAt).toBeUndefined();
  });

  it('skips NOT_ENROLLED and UNCHANGED; fails the unknown', () => {
    expect(decideSetParticipationStatus(subject('u1', { learner }), 'c9', 'passed', NOW).outcome.code).toBe('LEARNING.NOT_ENROLLED');
    expect(decideSetParticipationStatus(subject('u1', { learner }), 'c3', 'undecided', NOW).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'LEARNING.UNCHANGED',
      message: 'the status is already undecided',
    });
    expect(decideSetParticipationStatus(subject('u9', { person: null }), 'c1', 'passed', NOW).outcome.code).toBe('LEARNING.NOT_FOUND');
  });

  it('a redelivery returns the stored prior status', () => {
    const done = testLearner('u1', { enrolments: learner.enrolments, ops: [{ k: 'job1:0', b: 'enrolled' }] });
    expect(decideSetParticipationStatus(subject('u1', { learner: done }), 'c1', 'passed', NOW)).toMatchObject({
      outcome: { before: 'enrolled' },
      replayed: true,
    });
  });
});
