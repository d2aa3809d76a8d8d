import { Outcome } from '@cohort/contracts';
import { defineSaga, singleStep, step } from '../sagas';
import {
  applyOutcomes,
  cancelPending,
  countStates,
  DEFERRED,
  handoffOf,
  isDone,
  markDispatched,
  newChunkState,
  nextDispatch,
  S,
} from './chunk-state';

const policy = { maxAttempts: 3, backoffMs: (a: number) => 1000 * a };
const changeRole = singleStep('identity', 'change-role', (_p, before) => ({ action: 'change-role', params: { role: before } }));
const deactivate = defineSaga('deactivate', [
  step('identity', 'deactivate', { compensate: 'reactivate', keepsBefore: true }),
  step('learning', 'remove-temporary-data'),
]);
const ok = (userId: string, before?: unknown): Outcome => ({ userId, status: 'succeeded', ...(before !== undefined && { before }) });

function dispatch(state: ReturnType<typeof newChunkState>, now = 0) {
  const { plan } = nextDispatch(state, now);
  if (!plan) throw new Error('nothing to dispatch');
  return { step: plan.step, d: markDispatched(state, plan, now), ids: plan.idx.map((i) => state.ids[i]) };
}

describe('chunk state machine', () => {
  it('runs a single-step saga: pending → running → succeeded / skipped / failed, keeping the before value', () => {
    const s = newChunkState(['a', 'b', 'c']);
    const sent = dispatch(s);
    expect(sent).toEqual({ step: 0, d: 1, ids: ['a', 'b', 'c'] });
    expect(countStates(s)).toMatchObject({ running: 3 });
    const applied = applyOutcomes(
      s,
      changeRole,
      0,
      1,
      [ok('a', 'Learner'), { userId: 'b', status: 'skipped', code: 'IDENTITY.SELF' }, { userId: 'c', status: 'failed', code: 'IDENTITY.NOT_FOUND' }],
      policy,
      0,
    );
    expect(applied).toBe('dispatch');
    expect(s.st).toEqual([S.succeeded, S.skipped, S.failed]);
    expect(s.b[0]).toBe('Learner');
    expect(s.e[1]).toMatchObject({ c: 'IDENTITY.SELF', s: 'change-role' });
    expect(isDone(s)).toBe(true);
  });

  it("hands a step's data to the person's next step, keeps a last step's data as the result, and drops a handoff nobody used", () => {
    const invite = defineSaga('invite-users', [step('identity', 'invite-users'), step('communications', 'send-invitation')]);
    const s = newChunkState(['a', 'b', 'c']);
    dispatch(s);
    const token = (userId: string): Outcome => ({ userId, status: 'succeeded', data: { token: `t-${userId}` } });
    applyOutcomes(
      s,
      invite,
      0,
      1,
      [token('a'), token('b'), { userId: 'c', status: 'skipped', code: 'IDENTITY.EMAIL_EXISTS', data: { x: 1 } }],
      policy,
      0,
    );
    const next = dispatch(s);
    expect(next).toMatchObject({ step: 1, ids: ['a', 'b'] });
    expect(handoffOf(s, s.inflight!.idx)).toEqual({ a: { token: 't-a' }, b: { token: 't-b' } });
    // a retryable failure keeps the handoff for the retry; a success without data ends it
    applyOutcomes(s, invite, 1, next.d, [ok('a'), { userId: 'b', status: 'failed', code: 'SMTP.DOWN', retryable: true }], policy, 0);
    expect(s.h).toEqual({ 1: { token: 't-b' } });
    const retry = dispatch(s, 5_000);
    expect(handoffOf(s, s.inflight!.idx)).toEqual({ b: { token: 't-b' } });
    applyOutcomes(s, invite, 1, retry.d, [{ userId: 'b', status: 'failed', code: 'SMTP.REFUSED' }], policy, 5_000);
    expect(s.h).toEqual({});
    expect(s.st).toEqual([S.succeeded, S.failed, S.skipped]);

    const single = singleStep('identity', 'update-properties');
    const u = newChunkState(['d']);
    dispatch(u);
    applyOutcomes(u, single, 0, 1, [{ userId: 'd', status: 'succeeded', data: { accessCode: 'K7QM2XW9PA' } }], policy, 0);
    expect(u.h).toEqual({ 0: { accessCode: 'K7QM2XW9PA' } });
  });

  it("a deferred person waits, unsent, for the participant's later result, which counts once", () => {
    const invite = defineSaga('invite-users', [step('identity', 'invite-users'), step('communications', 'send-invitation')]);
    const s = newChunkState(['a', 'b']);
    dispatch(s);
    applyOutcomes(s, invite, 0, 1, [ok('a'), ok('b')], policy, 0);
    const mail = dispatch(s);
    expect(applyOutcomes(s, invite, 1, mail.d, [ok('a'), { userId: 'b', status: 'deferred', code: 'COMMUNICATIONS.DEFERRED' }], policy, 0)).toBe(
      'dispatch',
    );
    expect(s.w[1]).toBe(DEFERRED);
    expect(s.st).toEqual([S.succeeded, S.running]);
    expect(s.e[1]).toMatchObject({ c: 'COMMUNICATIONS.DEFERRED', s: 'send-invitation' });
    expect(nextDispatch(s, 10 ** 12)).toEqual({ wakeAt: undefined });
    expect(isDone(s)).toBe(false);
    expect(cancelPending(s)).toBe(0); // it is at the participant: it finishes
    // the later result (same dispatch number, no dispatch in flight) ends the wait, once
    expect(applyOutcomes(s, invite, 1, mail.d, [ok('b'), ok('a')], policy, 0)).toBe('deferred');
    expect(s.st).toEqual([S.succeeded, S.succeeded]);
    expect(s.e[1]).toBeUndefined();
    expect(applyOutcomes(s, invite, 1, mail.d, [{ userId: 'b', status: 'failed', code: 'X' }], policy, 0)).toBe(false);
    expect(s.st[1]).toBe(S.succeeded);
    expect(isDone(s)).toBe(true);
  });

  it('ignores a duplicate or stale result', () => {
    const s = newChunkState(['a']);
    dispatch(s);
    expect(applyOutcomes(s, changeRole, 0, 1, [ok('a', 'HR')], policy, 0)).toBe('dispatch');
    expect(applyOutcomes(s, changeRole, 0, 1, [ok('a', 'Owner')], policy, 0)).toBe(false);
    expect(applyOutcomes(s, changeRole, 0, 7, [ok('a', 'Owner')], policy, 0)).toBe(false);
    expect(s.b[0]).toBe('HR');
  });

  it('retries a retryable failure with backoff, then fails with the last error', () => {
    const s = newChunkState(['a']);
    const transient: Outcome = { userId: 'a', status: 'failed', code: 'STORE.TIMEOUT', retryable: true };
    for (let attempt = 1; attempt <= 2; attempt++) {
      const { d } = dispatch(s, attempt * 10_000);
      applyOutcomes(s, changeRole, 0, d, [transient], policy, attempt * 10_000);
      expect(s.st[0]).toBe(S.running);
      expect(nextDispatch(s, attempt * 10_000)).toEqual({ wakeAt: attempt * 10_000 + 1000 * attempt });
    }
    const { d } = dispatch(s, 99_000);
    applyOutcomes(s, changeRole, 0, d, [transient], policy, 99_000);
    expect(s.st[0]).toBe(S.failed);
    expect(s.e[0]).toMatchObject({ c: 'STORE.TIMEOUT' });
  });

  it('treats a person missing from the result as a retryable failure', () => {
    const s = newChunkState(['a', 'b']);
    dispatch(s);
    applyOutcomes(s, changeRole, 0, 1, [ok('a', 'HR')], policy, 0);
    expect(s.st).toEqual([S.succeeded, S.running]);
    expect(s.a[1]).toBe(1);
  });

  it('moves a multi-step saga forward, and compensates earlier steps when a later one fails', () => {
    const s = newChunkState(['a', 'b']);
    dispatch(s);
    applyOutcomes(s, deactivate, 0, 1, [ok('a', 'active'), ok('b', 'active')], policy, 0);
    const second = dispatch(s);
    expect(second.step).toBe(1);
    applyOutcomes(s, deactivate, 1, second.d, [ok('a'), { userId: 'b', status: 'failed', code: 'LEARNING.BROKEN', message: 'disk full' }], policy, 0);
    expect(s.st[0]).toBe(S.succeeded);
    const comp = dispatch(s);
    expect(comp).toMatchObject({ step: 100, ids: ['b'] });
    applyOutcomes(s, deactivate, 100, comp.d, [ok('b')], policy, 0);
    expect(s.st[1]).toBe(S.failed);
    expect(s.e[1]).toMatchObject({ c: 'LEARNING.BROKEN', m: 'disk full', s: 'remove-temporary-data' });
  });

  it('a skip at a later step means that step had nothing to do: the saga goes on', () => {
    const s = newChunkState(['a']);
    dispatch(s);
    applyOutcomes(s, deactivate, 0, 1, [ok('a', 'active')], policy, 0);
    const { d } = dispatch(s);
    applyOutcomes(s, deactivate, 1, d, [{ userId: 'a', status: 'skipped', code: 'LEARNING.NOTHING' }], policy, 0);
    expect(s.st[0]).toBe(S.succeeded);
  });

  it('cancel turns people not yet sent (or waiting to retry the first step) into cancelled', () => {
    const s = newChunkState(['a', 'b', 'c']);
    const { plan } = nextDispatch(s, 0);
    markDispatched(s, { step: 0, idx: plan!.idx.slice(0, 2) }, 0);
    applyOutcomes(s, changeRole, 0, 1, [ok('a', 'HR'), { userId: 'b', status: 'failed', retryable: true }], policy, 0);
    expect(cancelPending(s)).toBe(2);
    expect(s.st).toEqual([S.succeeded, S.cancelled, S.cancelled]);
    expect(isDone(s)).toBe(true);
  });
});
