import { appliedOp } from '@cohort/common';
import { Decision, personNotFound, replayedOp, skippedBecause } from '@cohort/messaging';
import { Group } from '../../groups/group.schema';
import { MEMBERSHIP } from '../../membership.errors';
import { Membership, MembershipChange, MembershipOp } from '../../memberships/membership.schema';
import { groupsNotFound } from '../membership-work';

export interface AddToGroupsContext {
  /** the groups of the params, each once, in the order given */
  groupIds: readonly string[];
  /** those that exist in the tenant, by group id */
  groups: ReadonlyMap<string, Pick<Group, 'autoEnrolCourseIds'>>;
  /** op key of this (job, step) */
  key: string;
}

/**
 * What learning's `auto-enrol` step gets for a person (the outcome's `data.autoEnrol`), and what the preview
 * counts for its AUTO_ENROLMENT warning: the courses of the groups the person was actually added to.
 */
export interface AutoEnrol {
  courseIds: string[];
  groupIds: string[];
}

/**
 * Pure: what adding one person to the groups means. `before` is the group ids this step adds (not the whole
 * prior list): exactly what undo and the saga's compensation remove, so groups the person was in already stay.
 */
export function decideAddToGroups(userId: string, known: boolean, doc: Membership | undefined, ctx: AddToGroupsContext): Decision<MembershipChange> {
  if (!known) return personNotFound('membership', userId);
  const applied: MembershipOp | undefined = appliedOp(doc, ctx.key);
  if (applied) return replayedOp(userId, applied.b, applied.d);
  const missing = ctx.groupIds.filter((id) => !ctx.groups.has(id));
  if (missing.length) return groupsNotFound(userId, missing);
  const current = doc?.groupIds ?? [];
  const added = ctx.groupIds.filter((id) => !current.includes(id));
  if (added.length === 0) return skippedBecause(userId, MEMBERSHIP.ALREADY_MEMBER, 'already a member of all of the teams or groups', current);
  const data = { autoEnrol: autoEnrolOf(added, ctx.groups) };
  const op: MembershipOp = { k: ctx.key, b: added, d: data }; // the data too: a redelivery hands learning the same targets
  return {
    outcome: { userId, status: 'succeeded', before: added, data },
    change: { userId, update: { $addToSet: { groupIds: { $each: added } } }, op },
    preview: { before: current, after: [...current, ...added] },
  };
}

/** Pure: the auto-enrolment targets of the groups added, each course once. */
export function autoEnrolOf(added: readonly string[], groups: AddToGroupsContext['groups']): AutoEnrol {
  const courseIds = [...new Set(added.flatMap((id) => groups.get(id)?.autoEnrolCourseIds ?? []))];
  return { courseIds, groupIds: [...added] };
}
