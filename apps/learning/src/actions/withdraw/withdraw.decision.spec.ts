import { enrolment, subject, testLearner } from '../test-learning';
import { decideWithdraw } from './withdraw.decision';

const NOW = new Date('2026-12-07T10:00:00Z');

describe('decideWithdraw', () => {
  const learner = testLearner('u1', { enrolments: [enrolment('c1', 'in-progress'), enrolment('c2', 'passed'), enrolment('c3', 'enrolled')] });

  it('removes an open enrolment with its progress; before = the courses withdrawn from', () => {
    const d = decideWithdraw(subject('u1', { learner }), ['c1'], NOW);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['c1'] });
    expect(d.change).toEqual({
      userId: 'u1',
      update: { $set: { enrolments: [enrolment('c2', 'passed'), enrolment('c3', 'enrolled')] } },
      op: { k: 'job1:0', b: ['c1'] },
    });
  });

  it('skips someone not enrolled in any of them', () => {
    expect(decideWithdraw(subject('u1', { learner }), ['c9'], NOW).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'LEARNING.NOT_ENROLLED',
      message: 'not enrolled in any of the courses',
    });
    expect(decideWithdraw(subject('u2'), ['c1'], NOW).outcome.code).toBe('LEARNING.NOT_ENROLLED');
  });

  it('withdraws from a finished course too: access ends, the finished attempt moves to the withdrawn records, data names it', () => {
    const d = decideWithdraw(subject('u1', { learner }), ['c1', 'c2'], NOW);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['c1', 'c2'], data: { finished: ['c2'] } });
    expect(d.change?.update).toEqual({
      $set: { enrolments: [enrolment('c3', 'enrolled')], withdrawn: [{ ...enrolment('c2', 'passed'), withdrawnAt: NOW }] },
    });
  });

  it('an enrolment awaiting assessment (undecided) is withdrawn like one in progress', () => {
    const waiting = testLearner('u1', { enrolments: [enrolment('c1', 'undecided')] });
    const d = decideWithdraw(subject('u1', { learner: waiting }), ['c1'], NOW);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['c1'] });
    expect(d.change?.update).toEqual({ $set: { enrolments: [] } });
  });

  it('fails the unknown; a redelivery writes nothing', () => {
    expect(decideWithdraw(subject('u9', { person: null }), ['c1'], NOW).outcome.code).toBe('LEARNING.NOT_FOUND');
    const withdrawn = testLearner('u1', { ops: [{ k: 'job1:0', b: ['c1'] }] });
    expect(decideWithdraw(subject('u1', { learner: withdrawn }), ['c1'], NOW)).toMatchObject({
      outcome: { status: 'succeeded', before: ['c1'] },
      replayed: true,
    });
  });
});
