import { enrolment, subject, testLearner } from '../test-learning';
import { decideWithdraw } from './withdraw.decision';

describe('decideWithdraw', () => {
  const learner = testLearner('u1', { enrolments: [enrolment('c1', 'in-progress'), enrolment('c2', 'passed'), enrolment('c3', 'enrolled')] });

  it('removes the open enrolments of the courses, keeps finished ones; before = the courses withdrawn from', () => {
    const d = decideWithdraw(subject('u1', { learner }), ['c1', 'c2']);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['c1'] });
    expect(d.change).toEqual({
      userId: 'u1',
      update: { $set: { enrolments: [enrolment('c2', 'passed'), enrolment('c3', 'enrolled')] } },
      op: { k: 'job1:0', b: ['c1'] },
    });
  });

  it('skips someone not enrolled in any of them', () => {
    expect(decideWithdraw(subject('u1', { learner }), ['c9']).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'LEARNING.NOT_ENROLLED',
      message: 'not enrolled in any of the courses',
    });
    expect(decideWithdraw(subject('u2'), ['c1']).outcome.code).toBe('LEARNING.NOT_ENROLLED');
  });

  it('skips ALREADY_COMPLETED when only finished enrolments match: the record stays', () => {
    const d = decideWithdraw(subject('u1', { learner }), ['c2']);
    expect(d.outcome.code).toBe('LEARNING.ALREADY_COMPLETED');
    expect(d.change).toBeUndefined();
  });

  it('fails the unknown; a redelivery writes nothing', () => {
    expect(decideWithdraw(subject('u9', { person: null }), ['c1']).outcome.code).toBe('LEARNING.NOT_FOUND');
    const withdrawn = testLearner('u1', { ops: [{ k: 'job1:0', b: ['c1'] }] });
    expect(decideWithdraw(subject('u1', { learner: withdrawn }), ['c1'])).toMatchObject({
      outcome: { status: 'succeeded', before: ['c1'] },
      replayed: true,
    });
  });
});
