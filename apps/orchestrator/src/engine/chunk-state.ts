import { ITEM_STATES, ItemCounts, ItemState, Outcome } from '@cohort/contracts';
import { COMPENSATION_STEP_OFFSET, Saga } from '../sagas';
import { ORCHESTRATOR } from '../orchestrator.errors';

/** Person states as small numbers (index into ITEM_STATES), so a chunk of 1,000 people stays a small document. */
export const S = { pending: 0, running: 1, succeeded: 2, skipped: 3, failed: 4, cancelled: 5 } as const satisfies Record<ItemState, number>;
const TERMINAL = new Set<number>([S.succeeded, S.skipped, S.failed, S.cancelled]);

export interface PersonError {
  /** stable code */
  c: string;
  /** message */
  m?: string;
  /** participant action the person ended in */
  s?: string;
}

/**
 * Every person of one chunk of a job, as parallel arrays aligned with `ids` (the persisted shape):
 * state, saga step (forward index, or COMPENSATION_STEP_OFFSET + index while compensating), attempts
 * at that step, earliest retry time, the undo value, and the error of people who ended skipped/failed.
 */
export interface ChunkState {
  ids: string[];
  st: number[];
  k: number[];
  a: number[];
  w: number[];
  b: unknown[];
  e: Record<string, PersonError>;
  /**
   * per person (by index): the `data` their latest step reported, handed to their next step (e.g. an
   * invitation token for the e-mail step); when they finish it is kept only if their final step
   * produced it (their result, e.g. a new access code), so a token never outlives its handoff
   */
  h?: Record<string, Record<string, unknown>>;
  /** dispatch counter: the `attempt` of the chunk's work message now in flight */
  d: number;
  /** the dispatch awaiting its result: the step code and the people in it (indexes into ids) */
  inflight: { step: number; idx: number[]; at: number } | null;
}

export interface RetryPolicy {
  maxAttempts: number;
  backoffMs: (attempt: number) => number;
}

export function newChunkState(ids: string[]): ChunkState {
  const n = ids.length;
  return {
    ids,
    st: Array(n).fill(S.pending),
    k: Array(n).fill(0),
    a: Array(n).fill(0),
    w: Array(n).fill(0),
    b: Array(n).fill(null),
    e: {},
    h: {},
    d: 0,
    inflight: null,
  };
}

export const isCompensation = (step: number) => step >= COMPENSATION_STEP_OFFSET;
export const stepIndex = (step: number) => (isCompensation(step) ? step - COMPENSATION_STEP_OFFSET : step);

/** The participant action a step code stands for. */
export function stepAction(saga: Saga, step: number): string {
  const s = saga.steps[stepIndex(step)];
  return isCompensation(step) ? s.compensate! : s.action;
}

export interface DispatchPlan {
  step: number;
  idx: number[];
}

/** The next group to send (compensations first, then the lowest step), or the time the next retry is due. */
export function nextDispatch(state: ChunkState, now: number): { plan?: DispatchPlan; wakeAt?: number } {
  if (state.inflight) return {};
  let best: number | undefined;
  let wakeAt: number | undefined;
  for (let i = 0; i < state.ids.length; i++) {
    if (state.st[i] !== S.pending && state.st[i] !== S.running) continue;
    if (state.w[i] === DEFERRED) continue;
    if (state.w[i] > now) {
      wakeAt = Math.min(wakeAt ?? Infinity, state.w[i]);
      continue;
    }
    const k = state.k[i];
    if (best === undefined || rank(k) < rank(best)) best = k;
  }
  if (best === undefined) return { wakeAt };
  const idx: number[] = [];
  for (let i = 0; i < state.ids.length; i++) {
    if ((state.st[i] === S.pending || state.st[i] === S.running) && state.w[i] !== DEFERRED && state.w[i] <= now && state.k[i] === best) idx.push(i);
  }
  return { plan: { step: best, idx } };
}

const rank = (step: number) => (isCompensation(step) ? step - 2 * COMPENSATION_STEP_OFFSET : step);

/** Marks the plan's people running and in flight under a new dispatch number; returns that number. */
export function markDispatched(state: ChunkState, plan: DispatchPlan, now: number): number {
  for (const i of plan.idx) state.st[i] = S.running;
  state.d += 1;
  state.inflight = { step: plan.step, idx: plan.idx, at: now };
  return state.d;
}

/**
 * `w` of a person a participant deferred (accepted, held back by its pace): neither dispatched again nor
 * woken; the participant's own later result for them ends the wait.
 */
export const DEFERRED = -1;

/** What a result did: answered the dispatch in flight, ended deferred people's wait, or nothing (duplicate, stale). */
export type Applied = 'dispatch' | 'deferred' | false;

/**
 * Applies a work result to the chunk. The result of the dispatch in flight counts for its people; a later
 * result counts only for people deferred at that step (exactly once: they stop being deferred). Anything
 * else — a duplicate or stale result (redelivery, re-dispatch after a restart) — changes nothing.
 */
export function applyOutcomes(
  state: ChunkState,
  saga: Saga,
  step: number,
  attempt: number,
  outcomes: Outcome[],
  policy: RetryPolicy,
  now: number,
): Applied {
  const inflight = state.inflight;
  if (!inflight || inflight.step !== step || attempt !== state.d) return applyDeferred(state, saga, step, outcomes, policy, now);
  const byUser = new Map(outcomes.map((o) => [o.userId, o]));
  for (const i of inflight.idx) {
    const outcome = byUser.get(state.ids[i]) ?? {
      userId: state.ids[i],
      status: 'failed' as const,
      code: ORCHESTRATOR.NO_OUTCOME,
      message: `${stepAction(saga, step)} reported no outcome for this person`,
      retryable: true,
    };
    applyOne(state, saga, i, step, outcome, policy, now);
  }
  state.inflight = null;
  return 'dispatch';
}

function applyDeferred(state: ChunkState, saga: Saga, step: number, outcomes: Outcome[], policy: RetryPolicy, now: number): Applied {
  let applied: Applied = false;
  for (const o of outcomes) {
    const i = state.ids.indexOf(o.userId);
    if (i < 0 || state.w[i] !== DEFERRED || state.k[i] !== step || o.status === 'deferred') continue;
    state.w[i] = 0;
    delete state.e[i];
    applyOne(state, saga, i, step, o, policy, now);
    applied = 'deferred';
  }
  return applied;
}

function applyOne(state: ChunkState, saga: Saga, i: number, step: number, o: Outcome, policy: RetryPolicy, now: number): void {
  const j = stepIndex(step);
  if (o.status === 'deferred') {
    state.w[i] = DEFERRED;
    state.e[i] = { c: o.code ?? ORCHESTRATOR.DEFERRED, m: o.message ?? 'held back by the participant, to be done later', s: stepAction(saga, step) };
    return;
  }
  handOver(state, i, o);
  if (o.status === 'failed') {
    if (o.retryable && state.a[i] + 1 < policy.maxAttempts) {
      state.a[i] += 1;
      state.w[i] = now + policy.backoffMs(state.a[i]);
      return;
    }
    if (isCompensation(step)) {
      const first = state.e[i];
      state.e[i] = {
        c: first?.c ?? o.code ?? ORCHESTRATOR.STEP_FAILED,
        m: `${first?.m ?? ''} (compensation ${stepAction(saga, step)} failed: ${o.message ?? o.code})`.trim(),
        s: first?.s,
      };
      return finish(state, i, S.failed);
    }
    state.e[i] = { c: o.code ?? ORCHESTRATOR.STEP_FAILED, m: o.message, s: stepAction(saga, step) };
    return compensateOrEnd(state, saga, i, j, S.failed);
  }
  if (!isCompensation(step) && saga.steps[j].keepsBefore && o.status === 'succeeded') state.b[i] = o.before ?? null;
  if (o.status === 'skipped' && j === 0 && !isCompensation(step)) {
    state.e[i] = { c: o.code ?? ORCHESTRATOR.SKIPPED, m: o.message, s: stepAction(saga, step) };
    return finish(state, i, S.skipped);
  }
  // succeeded, or skipped at a later step (that step had nothing to do for this person): move on
  if (isCompensation(step)) return compensateOrEnd(state, saga, i, j, S.failed);
  if (j + 1 < saga.steps.length) return advance(state, i, j + 1);
  finish(state, i, S.succeeded);
}

/** Runs the compensation of the nearest earlier step that has one, or ends the person in `end`. */
function compensateOrEnd(state: ChunkState, saga: Saga, i: number, below: number, end: number): void {
  for (let j = below - 1; j >= 0; j--) {
    if (saga.steps[j].compensate) return advance(state, i, COMPENSATION_STEP_OFFSET + j);
  }
  finish(state, i, end);
}

function advance(state: ChunkState, i: number, step: number): void {
  state.k[i] = step;
  state.a[i] = 0;
  state.w[i] = 0;
}

function finish(state: ChunkState, i: number, st: number): void {
  state.st[i] = st;
  state.w[i] = 0;
  if (st !== S.succeeded && state.h) delete state.h[i];
}

/**
 * Keeps what a step reported for the person's next step. A retry keeps the data the step was sent with;
 * a step that succeeds without data ends the handoff (so a finished person keeps only their last step's data).
 */
function handOver(state: ChunkState, i: number, o: Outcome): void {
  if (o.status === 'failed' && o.retryable) return;
  state.h ??= {};
  if (o.data && o.status === 'succeeded') state.h[i] = o.data;
  else delete state.h[i];
}

/** The data to send with a dispatch: per user id, what their previous step reported (undefined when none). */
export function handoffOf(state: ChunkState, idx: readonly number[]): Record<string, Record<string, unknown>> | undefined {
  if (!state.h) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const i of idx) if (state.h[i]) out[state.ids[i]] = state.h[i];
  return Object.keys(out).length ? out : undefined;
}

/**
 * Cancel: people not yet sent anywhere, and people waiting to retry the first step (nothing was changed
 * for them), become cancelled; people further into a saga finish it. Returns how many were cancelled.
 */
export function cancelPending(state: ChunkState): number {
  let n = 0;
  const inflight = new Set(state.inflight?.idx ?? []);
  for (let i = 0; i < state.ids.length; i++) {
    const waitingAtFirstStep = state.st[i] === S.running && state.k[i] === 0 && state.w[i] > 0 && !inflight.has(i);
    if (state.st[i] === S.pending || waitingAtFirstStep) {
      state.st[i] = S.cancelled;
      n++;
    }
  }
  return n;
}

export function isDone(state: ChunkState): boolean {
  return !state.inflight && state.st.every((s) => TERMINAL.has(s));
}

export function countStates(state: Pick<ChunkState, 'st'>): ItemCounts {
  const counts = { pending: 0, running: 0, succeeded: 0, skipped: 0, failed: 0, cancelled: 0 };
  for (const s of state.st) counts[ITEM_STATES[s]] += 1;
  return counts;
}

export const ZERO_COUNTS: Readonly<ItemCounts> = Object.freeze({ pending: 0, running: 0, succeeded: 0, skipped: 0, failed: 0, cancelled: 0 });

export function addCounts(a: ItemCounts, b: ItemCounts, sign = 1): ItemCounts {
  const out = { ...a };
  for (const key of ITEM_STATES) out[key] += sign * b[key];
  return out;
}
