import { Outcome, ServiceName } from '@cohort/contracts';

/**
 * What a participant action does to one person (pure decision functions return these): the outcome, the
 * write it needs (absent for skips, failures and replays), and before → after for the preview's sample.
 */
export interface Decision<Change = unknown> {
  outcome: Outcome;
  change?: Change;
  preview?: { before: unknown; after?: unknown };
  /** this (job, step) was applied to the person already: same outcome, no write */
  replayed?: boolean;
}

/** Op key of a dry run: never a real marker, whose key always ends in `:<step>` (see opKey). */
export const DRY_RUN_KEY = ':dry-run';

/** The person does not exist in the tenant (an id of another tenant included): `<SERVICE>.NOT_FOUND`, not retryable. */
export function personNotFound(service: ServiceName, userId: string): Decision<never> {
  return { outcome: { userId, status: 'failed', code: `${service.toUpperCase()}.NOT_FOUND`, message: 'person not found', retryable: false } };
}

export function skippedBecause(userId: string, code: string, message: string, current?: unknown): Decision<never> {
  return { outcome: { userId, status: 'skipped', code, message }, preview: { before: current } };
}

/** A permanent per-person failure with a stable code (not retryable). */
export function failedBecause(userId: string, code: string, message: string): Decision<never> {
  return { outcome: { userId, status: 'failed', code, message, retryable: false } };
}

/** A redelivered (job, step): the same success as the first time, with the stored prior value, and no write. */
export function replayedOp(userId: string, before: unknown, data?: Record<string, unknown>): Decision<never> {
  return { outcome: { userId, status: 'succeeded', before, ...(data && { data }) }, preview: { before }, replayed: true };
}

/** Decides each id of a chunk once: a repeated id gets the first decision's outcome and no second write. */
export function decideEach<C>(userIds: readonly string[], decide: (userId: string) => Decision<C>): Decision<C>[] {
  const first = new Map<string, Decision<C>>();
  return userIds.map((userId) => {
    const earlier = first.get(userId);
    if (earlier) return { outcome: earlier.outcome, preview: earlier.preview };
    const decision = decide(userId);
    first.set(userId, decision);
    return decision;
  });
}

/** The outcome a dry run reports: `before` for everyone found and, for a change, `data.after` (other data kept). */
export function dryRunOutcome(d: Decision<unknown>): Outcome {
  if (!d.preview) return d.outcome;
  const data = d.change ? { data: { ...(d.outcome.data ?? {}), after: d.preview.after } } : {};
  return { ...d.outcome, before: d.preview.before, ...data };
}
