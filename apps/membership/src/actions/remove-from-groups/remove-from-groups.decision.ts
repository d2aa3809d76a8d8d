import { appliedOp } from '@cohort/common';
import { Decision, personNotFound, replayedOp, skippedBecause } from '@cohort/messaging';
import { MEMBERSHIP } from '../../membership.errors';
import { Membership, MembershipChange } from '../../memberships/membership.schema';
import { groupsNotFound, idsOf } from '../membership-work';

export interface RemoveFromGroupsContext {
  /** the groups of the params, each once, in the order given */
  groupIds: readonly string[];
  /** those the tenant has */
  existing: ReadonlySet<string>;
  /** op key of this (job, step) */
  key: string;
}

/**
 * Pure: what removing one person from the groups means. `before` is the group ids this step removes, so the
 * undo (add-to-groups of `before`) puts back exactly those and no group the person was never in.
 */
export function decideRemoveFromGroups(
  userId: string,
  known: boolean,
  doc: Membership | undefined,
  ctx: RemoveFromGroupsContext,
): Decision<MembershipChange> {
  if (!known) return personNotFound('membership', userId);
  const applied = appliedOp(doc, ctx.key);
  if (applied) return replayedOp(userId, applied.b);
  const missing = ctx.groupIds.filter((id) => !ctx.existing.has(id));
  if (missing.length) return groupsNotFound(userId, missing);
  const current = doc?.groupIds ?? [];
  const removed = current.filter((id) => ctx.groupIds.includes(id));
  if (removed.length === 0) return skippedBecause(userId, MEMBERSHIP.NOT_MEMBER, 'not a member of any of the teams or groups', current);
  return removal(userId, current, removed, ctx.key);
}

/**
 * Pure: the compensation of add-to-groups for one person (a later saga step failed for them): removes exactly
 * the groups the forward step's op marker (`forwardKey`) says it added. Without that marker the forward step
 * changed nothing for the person, so there is nothing to take back: succeeded, no write.
 */
export function decideUndoAdd(userId: string, doc: Membership | undefined, key: string, forwardKey: string): Decision<MembershipChange> {
  const applied = appliedOp(doc, key);
  if (applied) return replayedOp(userId, applied.b);
  const current = doc?.groupIds ?? [];
  const added = idsOf(appliedOp(doc, forwardKey)?.b);
  const removed = current.filter((id) => added.includes(id));
  if (removed.length === 0) return { outcome: { userId, status: 'succeeded', before: [] }, preview: { before: current, after: current } };
  return removal(userId, current, removed, key);
}

/** `$pullAll`, not `$pull` with `$in`: FerretDB 1.x ignores the latter without an error (measured), MongoDB takes both. */
function removal(userId: string, current: readonly string[], removed: string[], key: string): Decision<MembershipChange> {
  return {
    outcome: { userId, status: 'succeeded', before: removed },
    change: { userId, update: { $pullAll: { groupIds: removed } }, op: { k: key, b: removed } },
    preview: { before: [...current], after: current.filter((id) => !removed.includes(id)) },
  };
}
