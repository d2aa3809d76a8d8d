import { PERSON_STATUSES, PersonStatus } from '@cohort/contracts';
import { IDENTITY } from '../../identity.errors';
import { Person } from '../../people/person.schema';
import { appliedOp, changed, Decision, decideEach, notFound, replayed, skipped } from '../decision';
import { isLastOwner, withOwnersSeen } from '../owner-guard';

/** One status-changing action: which statuses it changes, to what, and whether it removes access. */
export interface StatusTransition {
  /** what the action does, for messages: "nobody can deactivate themself" */
  verb: string;
  /** the statuses the action changes */
  from: readonly PersonStatus[];
  /** the statuses that already are its result (skipped as unchanged; any other is the wrong status) */
  already: readonly PersonStatus[];
  /** the status a person gets */
  to: (person: Person) => PersonStatus;
  /** it takes access away: nobody does it to themself, and the last active Owner is kept */
  removesAccess: boolean;
  /** a suspension (`push`: the prior status is remembered) or the end of one (`pop`: back to the remembered status) */
  priorStatus?: 'push' | 'pop';
}

/**
 * Where a person goes back to when a suspension ends: the status they had before it (the last of
 * `priorStatuses`), if it is one `allowed` here. A person suspended before statuses were remembered comes
 * back invited when they never joined (a pending invitation, never signed in, no password), else active.
 */
export function returningStatus(person: Person, allowed: readonly PersonStatus[] = ['active', 'invited']): PersonStatus {
  const remembered = person.priorStatuses?.at(-1);
  if (remembered && allowed.includes(remembered)) return remembered;
  const neverJoined = !!person.invitation?.tokenHash && !person.lastActiveAt && !person.passwordHash;
  return neverJoined ? 'invited' : 'active';
}

const to = (status: PersonStatus) => () => status;

/** `deactivate`: blocks sign-in of active and invited people. */
export const DEACTIVATE: StatusTransition = {
  verb: 'deactivate',
  from: ['active', 'invited'],
  already: ['deactivated'],
  to: to('deactivated'),
  removesAccess: true,
  priorStatus: 'push',
};
/** `reactivate`: deactivated people sign in again. */
export const REACTIVATE: StatusTransition = {
  verb: 'reactivate',
  from: ['deactivated'],
  already: ['active', 'invited'],
  to: (person) => returningStatus(person),
  removesAccess: false,
  priorStatus: 'pop',
};
/** `archive-profile`: workspace access removed, account kept. */
export const ARCHIVE_PROFILE: StatusTransition = {
  verb: 'archive',
  from: ['active', 'deactivated', 'invited'],
  already: ['archived'],
  to: to('archived'),
  removesAccess: true,
  priorStatus: 'push',
};
/** `reactivate-profile`: archived people get back the status they had (deactivated before: deactivated again). */
export const REACTIVATE_PROFILE: StatusTransition = {
  verb: 'reactivate the profile of',
  from: ['archived'],
  already: ['active', 'invited'],
  to: (person) => returningStatus(person, ['active', 'invited', 'deactivated']),
  removesAccess: false,
  priorStatus: 'pop',
};
/** `mark-pending-deletion`: the first step of `delete`; the person shows as pending deletion while the saga runs. */
export const MARK_PENDING_DELETION: StatusTransition = {
  verb: 'delete',
  from: PERSON_STATUSES.filter((s) => s !== 'pending-deletion'),
  already: ['pending-deletion'],
  to: to('pending-deletion'),
  removesAccess: true,
};

export interface TransitionContext {
  /** op key of this (job, step) */
  key: string;
  /** who asked for the job */
  actorId?: string;
  /** the tenant's active Owners as last seen */
  owners: ReadonlySet<string>;
}

/** Pure: what `rule` means for one person, given what is stored and who the tenant's Owners are. */
export function decideTransition(userId: string, person: Person | undefined, rule: StatusTransition, ctx: TransitionContext): Decision {
  if (!person) return notFound(userId);
  const applied = appliedOp(person, ctx.key);
  if (applied) return replayed(userId, applied);
  if (rule.removesAccess && userId === ctx.actorId) return skipped(userId, IDENTITY.SELF, `nobody can ${rule.verb} themself`, person.status);
  if (!rule.from.includes(person.status)) return notApplicable(userId, person, rule);
  if (rule.removesAccess && isLastOwner(userId, person, ctx.owners)) return lastActiveOwner(userId);
  return statusChanged(userId, person, rule.to(person), rule.priorStatus, ctx.key);
}

/**
 * The status change, and the remembered prior statuses with it: a suspension pushes the status it ends, the
 * end of one pops it. The op marker keeps the bare prior status (what a compensation and the results show).
 */
function statusChanged(userId: string, person: Person, after: PersonStatus, stack: 'push' | 'pop' | undefined, key: string): Decision {
  const d = changed(userId, 'status', person.status, after, key);
  const prior = person.priorStatuses ?? [];
  if (stack === 'push') d.change!.set.priorStatuses = [...prior, person.status];
  if (stack === 'pop') d.change!.set.priorStatuses = prior.slice(0, -1);
  return d;
}

/** A status the rule does not change: UNCHANGED when the person already has its result, else WRONG_STATUS. */
function notApplicable(userId: string, person: Person, rule: StatusTransition): Decision {
  if (rule.already.includes(person.status)) return skipped(userId, IDENTITY.UNCHANGED, `status is already ${person.status}`, person.status);
  return skipped(userId, IDENTITY.WRONG_STATUS, `cannot ${rule.verb} someone whose status is ${person.status}`, person.status);
}

/** The skip of an active Owner who is the tenant's last one. */
export function lastActiveOwner(userId: string): Decision {
  return skipped(userId, IDENTITY.LAST_OWNER, 'the last active Owner of a tenant stays active', 'active');
}

/**
 * Pure: the decisions for a chunk in order, each seeing the Owners the earlier ones leave
 * (deactivating both of two Owners deactivates the first and keeps the second).
 */
export function decideTransitions(
  userIds: readonly string[],
  found: ReadonlyMap<string, Person>,
  rule: StatusTransition,
  ctx: TransitionContext,
): Decision[] {
  return decideEach(
    userIds,
    withOwnersSeen(found, ctx.owners, (userId, owners) => decideTransition(userId, found.get(userId), rule, { ...ctx, owners })),
  );
}

export interface RestoreContext {
  /** op key of this compensation (job, step) */
  key: string;
  /** op key of the forward step being compensated: its marker holds the status to restore */
  forwardKey: string;
  /** the status the forward step set */
  forwardStatus: PersonStatus;
}

/** Pure: what compensating a forward status change means for one person: the marker's prior status back. */
export function decideRestore(userId: string, person: Person | undefined, ctx: RestoreContext): Decision {
  if (!person) return notFound(userId);
  const applied = appliedOp(person, ctx.key);
  if (applied) return replayed(userId, applied);
  const prior = priorStatus(appliedOp(person, ctx.forwardKey));
  if (!prior) return { outcome: { userId, status: 'succeeded' }, preview: { before: person.status } }; // the forward step changed nothing
  if (person.status === prior) return skipped(userId, IDENTITY.UNCHANGED, `status is already ${prior}`, person.status);
  if (person.status !== ctx.forwardStatus) {
    return skipped(userId, IDENTITY.WRONG_STATUS, `status changed to ${person.status} since; not put back to ${prior}`, person.status);
  }
  // the forward step remembered the status it ended: forget it again
  return statusChanged(userId, person, prior, person.priorStatuses?.at(-1) === prior ? 'pop' : undefined, ctx.key);
}

function priorStatus(op: { b?: unknown } | undefined): PersonStatus | undefined {
  return PERSON_STATUSES.find((s) => s === op?.b);
}

/** Pure: the restore decisions of a chunk, each id once. */
export function decideRestores(userIds: readonly string[], found: ReadonlyMap<string, Person>, ctx: RestoreContext): Decision[] {
  return decideEach(userIds, (userId) => decideRestore(userId, found.get(userId), ctx));
}
