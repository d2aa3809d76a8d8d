import { Role } from '@cohort/contracts';
import { IDENTITY } from '../../identity.errors';
import { Person } from '../../people/person.schema';
import { appliedOp, changed, Decision, decideEach, notFound, replayed, skipped } from '../decision';
import { isLastOwner, withOwnersSeen } from '../owner-guard';

export interface RoleChangeContext {
  role: Role;
  /** op key of this (job, step) */
  key: string;
  /** who asked for the job: nobody changes their own role */
  actorId?: string;
  /** the tenant's active Owners as last seen */
  owners: ReadonlySet<string>;
}

/** Pure: what giving one person `ctx.role` means, given what is stored and who the tenant's Owners are. */
export function decideRoleChange(userId: string, person: Person | undefined, ctx: RoleChangeContext): Decision {
  if (!person) return notFound(userId);
  const applied = appliedOp(person, ctx.key);
  if (applied) return replayed(userId, applied);
  if (userId === ctx.actorId) return skipped(userId, IDENTITY.SELF, 'nobody can change their own role', person.role);
  if (person.role === ctx.role) return skipped(userId, IDENTITY.UNCHANGED, `role is already ${ctx.role}`, person.role);
  if (isLastOwner(userId, person, ctx.owners)) return lastOwner(userId);
  return changed(userId, 'role', person.role, ctx.role, ctx.key);
}

export function lastOwner(userId: string): Decision {
  return skipped(userId, IDENTITY.LAST_OWNER, 'the last Owner of a tenant keeps the role', 'Owner');
}

/**
 * Pure: the decisions for a chunk in order, each seeing the Owners the earlier ones leave
 * (demoting both of two Owners demotes the first and keeps the second).
 */
export function decideRoleChanges(userIds: readonly string[], found: ReadonlyMap<string, Person>, ctx: RoleChangeContext): Decision[] {
  return decideEach(
    userIds,
    withOwnersSeen(found, ctx.owners, (userId, owners) => decideRoleChange(userId, found.get(userId), { ...ctx, owners })),
  );
}
