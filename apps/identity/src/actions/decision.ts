import { Outcome } from '@cohort/contracts';
import { IDENTITY } from '../identity.errors';
import { ChangeSet, PersonChange } from '../people/people.repository';
import { AppliedOp, Person } from '../people/person.schema';

/** What a work action does to one person: the outcome, the write it needs, and the value before → after. */
export interface Decision {
  outcome: Outcome;
  /** the write; absent for skips, failures and replays */
  change?: PersonChange;
  /** for the dry run's preview: the value now (or the stored prior value) and, for a change, the new one */
  preview?: { before: unknown; after?: unknown };
  /** this (job, step) was applied to the person already */
  replayed?: boolean;
}

/** Op key of a dry run: never a real marker, whose key always ends in `:<step>` (see opKey). */
export const DRY_RUN_KEY = ':dry-run';

export function notFound(userId: string): Decision {
  return { outcome: { userId, status: 'failed', code: IDENTITY.NOT_FOUND, message: 'person not found', retryable: false } };
}

/** The marker of this (job, step) on the person, if it was applied already. */
export function appliedOp(person: Person, key: string): AppliedOp | undefined {
  return person.ops?.find((op) => op.k === key);
}

/** A redelivered (job, step): the same outcome as the first time, with the stored prior value, and no write. */
export function replayed(userId: string, op: AppliedOp): Decision {
  return { outcome: { userId, status: 'succeeded', before: op.b }, preview: { before: op.b }, replayed: true };
}

export function skipped(userId: string, code: string, message: string, current: unknown): Decision {
  return { outcome: { userId, status: 'skipped', code, message }, preview: { before: current } };
}

/** Sets `field` from `before` to `after`, remembering `before` in the op marker for redelivery and undo. */
export function changed<F extends keyof ChangeSet>(userId: string, field: F, before: ChangeSet[F], after: ChangeSet[F], key: string): Decision {
  return {
    outcome: { userId, status: 'succeeded', before },
    change: { userId, set: { [field]: after } as ChangeSet, op: { k: key, b: before } },
    preview: { before, after },
  };
}

/**
 * Sets several fields at once (`after`); `before` holds the prior value of each field set, kept in the
 * op marker for redelivery and reported for the results page.
 */
export function changedFields(userId: string, before: Record<string, unknown>, after: ChangeSet, key: string): Decision {
  return {
    outcome: { userId, status: 'succeeded', before },
    change: { userId, set: after, op: { k: key, b: before } },
    preview: { before, after },
  };
}

/** Decides each id of a chunk once: a repeated id gets the first decision's outcome and no second write. */
export function decideEach(userIds: readonly string[], decide: (userId: string) => Decision): Decision[] {
  const first = new Map<string, Decision>();
  return userIds.map((userId) => {
    const earlier = first.get(userId);
    if (earlier) return { outcome: earlier.outcome, preview: earlier.preview };
    const decision = decide(userId);
    first.set(userId, decision);
    return decision;
  });
}

/** The outcome a dry run reports: `before` for everyone found and, for a change, `data.after`. */
export function dryRunOutcome(d: Decision): Outcome {
  if (!d.preview) return d.outcome;
  const after = d.change ? { data: { after: d.preview.after } } : {};
  return { ...d.outcome, before: d.preview.before, ...after };
}
