import { appliedOp } from '@cohort/common';
import { Decision, failedBecause, personNotFound, replayedOp, skippedBecause } from '@cohort/messaging';
import { MEMBERSHIP } from '../../membership.errors';
import { Membership, MembershipChange } from '../../memberships/membership.schema';

export interface AddShareContext {
  managerUserId: string;
  /**
   * the teams the manager manages; undefined when they are no manager (unknown to identity, or managing
   * no team): nobody can be shared with them
   */
  managedTeamIds: ReadonlySet<string> | undefined;
  /** op key of this (job, step) */
  key: string;
}

/**
 * Pure: what sharing one person with the manager means. Someone in one of the manager's own teams is seen by
 * them already, and so is the manager themself: both are skipped. `before` is the prior `sharedWith`.
 */
export function decideAddShare(userId: string, known: boolean, doc: Membership | undefined, ctx: AddShareContext): Decision<MembershipChange> {
  if (!known) return personNotFound('membership', userId);
  const applied = appliedOp(doc, ctx.key);
  if (applied) return replayedOp(userId, applied.b);
  const manager = ctx.managerUserId;
  if (!ctx.managedTeamIds) return notAManager(userId, manager);
  const shared = doc?.sharedWith ?? [];
  if (userId === manager) return skippedBecause(userId, MEMBERSHIP.SELF, 'nobody is shared with themself', shared);
  if ((doc?.groupIds ?? []).some((id) => ctx.managedTeamIds!.has(id))) {
    return skippedBecause(userId, MEMBERSHIP.OWN_TEAM, `in a team ${manager} manages: they see this person already`, shared);
  }
  if (shared.includes(manager)) return skippedBecause(userId, MEMBERSHIP.ALREADY_SHARED, `already shared with ${manager}`, shared);
  return {
    outcome: { userId, status: 'succeeded', before: [...shared] },
    change: { userId, update: { $addToSet: { sharedWith: manager } }, op: { k: ctx.key, b: [...shared] } },
    preview: { before: [...shared], after: [...shared, manager] },
  };
}

/** The target of add-share is unknown or manages no team: every person failed, the message naming them. */
export function notAManager(userId: string, managerUserId: string): Decision<never> {
  return failedBecause(userId, MEMBERSHIP.NOT_A_MANAGER, `${managerUserId} is not a manager of a team in the tenant`);
}
