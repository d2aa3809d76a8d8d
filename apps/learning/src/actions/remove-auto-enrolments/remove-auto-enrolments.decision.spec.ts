import { enrolment, subject, testLearner } from '../test-learning';
import { decideRemoveAutoEnrolments } from './remove-auto-enrolments.decision';

describe('decideRemoveAutoEnrolments (the undo of add-to-groups)', () => {
  const params = { undoOf: 'job-a' };
  const restarted = enrolment('c2', 'enrolled', {
    attempt: 2,
    source: 'auto',
    autoBy: 'job-a',
    history: [{ attempt: 1, status: 'passed', enrolledAt: new Date('2026-01-01T00:00:00Z'), completedAt: new Date('2026-02-01T00:00:00Z') }],
  });
  const learner = testLearner('u1', {
    enrolments: [
      enrolment('c1', 'enrolled', { source: 'auto', autoBy: 'job-a' }), // new, not started: goes
      restarted, // a finished course restarted: its finished attempt comes back
      enrolment('c3', 'in-progress', { source: 'auto', autoBy: 'job-a' }), // begun since: stays
      enrolment('c4', 'enrolled', { source: 'auto', autoBy: 'job-b' }), // another job's: stays
      enrolment('c5', 'enrolled'), // a manual enrolment: stays
    ],
  });

  it('takes back exactly the not-started attempts the job started', () => {
    const d = decideRemoveAutoEnrolments(subject('u1', { learner }), params);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['c1', 'c2'] });
    const after = (d.change?.update as { $set: { enrolments: unknown[] } }).$set.enrolments;
    expect(after).toEqual([
      {
        courseId: 'c2',
        status: 'passed',
        attempt: 1,
        enrolledAt: new Date('2026-01-01T00:00:00Z'),
        completedAt: new Date('2026-02-01T00:00:00Z'),
        source: 'auto',
        history: [],
      },
      enrolment('c3', 'in-progress', { source: 'auto', autoBy: 'job-a' }),
      enrolment('c4', 'enrolled', { source: 'auto', autoBy: 'job-b' }),
      enrolment('c5', 'enrolled'),
    ]);
  });

  it('nothing of the job left: a success without a write', () => {
    const d = decideRemoveAutoEnrolments(subject('u1', { learner }), { undoOf: 'job-z' });
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded' });
    expect(d.change).toBeUndefined();
  });
});
