import { enrolment, subject, testLearner } from '../test-learning';
import { decideSetDeadline } from './set-deadline.decision';

describe('decideSetDeadline', () => {
  const learner = testLearner('u1', {
    enrolments: [
      enrolment('c1', 'in-progress'),
      enrolment('c2', 'enrolled', { deadline: new Date('2030-03-01T00:00:00Z') }),
      enrolment('c3', 'passed'),
    ],
  });

  it('sets the deadline (midnight UTC); before = {deadline: null} when there was none', () => {
    const d = decideSetDeadline(subject('u1', { learner }), 'c1', '2030-02-01');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: { deadline: null } });
    expect(d.change).toEqual({
      userId: 'u1',
      update: {
        $set: {
          enrolments: [enrolment('c1', 'in-progress', { deadline: new Date('2030-02-01T00:00:00Z') }), learner.enrolments[1], learner.enrolments[2]],
        },
      },
      op: { k: 'job1:0', b: { deadline: null } },
    });
    expect(d.preview).toEqual({ before: null, after: '2030-02-01' });
  });

  it('before = the prior deadline as YYYY-MM-DD', () => {
    expect(decideSetDeadline(subject('u1', { learner }), 'c2', '2030-04-01').outcome.before).toEqual({ deadline: '2030-03-01' });
  });

  it('skips NOT_ENROLLED, ALREADY_COMPLETED, UNCHANGED; fails the unknown', () => {
    expect(decideSetDeadline(subject('u1', { learner }), 'c9', '2030-04-01').outcome.code).toBe('LEARNING.NOT_ENROLLED');
    expect(decideSetDeadline(subject('u1', { learner }), 'c3', '2030-04-01').outcome.code).toBe('LEARNING.ALREADY_COMPLETED');
    expect(decideSetDeadline(subject('u1', { learner }), 'c2', '2030-03-01').outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'LEARNING.UNCHANGED',
      message: 'the deadline is already 2030-03-01',
    });
    expect(decideSetDeadline(subject('u9', { person: null }), 'c1', '2030-04-01').outcome.code).toBe('LEARNING.NOT_FOUND');
  });

  it('a redelivery returns the stored prior deadline', () => {
    const done = testLearner('u1', { enrolments: learner.enrolments, ops: [{ k: 'job1:0', b: '2029-12-31' }] });
    expect(decideSetDeadline(subject('u1', { learner: done }), 'c2', '2030-03-01')).toMatchObject({
      outcome: { before: '2029-12-31' },
      replayed: true,
    });
  });
});
