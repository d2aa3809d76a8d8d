import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { appliedOp, Decision, decideEach, DRY_RUN_KEY, dryRunOutcome, notFound, replayed, skipped } from '../decision';

/** A work chunk of `cancel-invitation`; a dry run decides without writing. */
export class CancelInvitation {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

export interface CancelContext {
  /** op key of this (job, step) */
  key: string;
  now: Date;
}

/** The state of a person's invitation, as the preview shows it before → after. */
type InvitationState = 'pending' | 'cancelled' | 'none';

function invitationState(person: Person): InvitationState {
  if (!person.invitation) return 'none';
  return person.invitation.cancelledAt ? 'cancelled' : 'pending';
}

/**
 * Pure: cancelling one person's invitation drops the link's hash (the link stops working) and records
 * when. The person stays `invited` and listed; a resend invites them again.
 */
export function decideCancel(userId: string, person: Person | undefined, ctx: CancelContext): Decision {
  if (!person) return notFound(userId);
  const applied = appliedOp(person, ctx.key);
  if (applied) return replayed(userId, applied);
  const state = invitationState(person);
  if (person.status === 'active') return skipped(userId, IDENTITY.ALREADY_ACTIVE, 'already active: there is no invitation to cancel', state);
  if (person.status !== 'invited')
    return skipped(userId, IDENTITY.WRONG_STATUS, `status is ${person.status}: there is no invitation to cancel`, state);
  if (state !== 'pending') return skipped(userId, IDENTITY.NOT_INVITED, 'has no pending invitation: it was cancelled already', state);
  const invitation = { ...person.invitation!, tokenHash: null, cancelledAt: ctx.now };
  return {
    outcome: { userId, status: 'succeeded', before: state },
    change: { userId, set: { invitation }, op: { k: ctx.key, b: state } },
    preview: { before: state, after: 'cancelled' },
  };
}

/** Cancels invitations in one bulk write. */
@CommandHandler(CancelInvitation)
export class CancelInvitationHandler implements ICommandHandler<CancelInvitation, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work, dryRun }: CancelInvitation): Promise<Outcome[]> {
    const params = validateParams('cancel-invitation', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const ctx: CancelContext = { key: dryRun ? DRY_RUN_KEY : opKey(work), now: new Date() };
    const decisions = decideEach(work.userIds, (id) => decideCancel(id, found.get(id), ctx));
    if (dryRun) return decisions.map(dryRunOutcome);
    await this.people.apply(
      work.tenantId,
      decisions.flatMap((d) => (d.change ? [d.change] : [])),
    );
    return decisions.map((d) => d.outcome);
  }
}
