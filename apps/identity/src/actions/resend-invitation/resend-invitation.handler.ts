import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { anonymousAccount, replayedWithMail, tokenMail } from '../../invitations/token-mail';
import { PeopleRepository } from '../../people/people.repository';
import { Invitation, Person } from '../../people/person.schema';
import { issueToken } from '../../tokens/secrets';
import { appliedOp, Decision, decideEach, DRY_RUN_KEY, dryRunOutcome, notFound, skipped } from '../decision';

/** A work chunk of `resend-invitation`; a dry run decides without writing. */
export class ResendInvitation {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

export interface ResendContext {
  tenantId: string;
  /** op key of this (job, step): also the seed of the derived token */
  key: string;
  now: Date;
}

/**
 * Pure: resending one person's invitation. Only people who have not activated their account (status
 * `invited`) get one; the new token's hash replaces the old one (that link stops working) and clears a
 * cancellation. The token goes to the communications step in `data`; `before` is the times sent so far.
 */
export function decideResend(userId: string, person: Person | undefined, ctx: ResendContext): Decision {
  if (!person) return notFound(userId);
  const sentCount = person.invitation?.sentCount ?? 0;
  const issued = issueToken(ctx.tenantId, userId, ctx.key);
  const applied = appliedOp(person, ctx.key);
  if (applied) {
    const live = person.status === 'invited' && person.invitation?.tokenHash === issued.hash;
    return replayedWithMail(userId, applied, live ? tokenMail('invitation', person, issued.token) : undefined, sentCount);
  }
  if (person.anonymous) return anonymousAccount(userId, sentCount);
  if (person.status === 'active') return skipped(userId, IDENTITY.ALREADY_ACTIVE, 'already active', sentCount);
  if (person.status !== 'invited') {
    return skipped(
      userId,
      IDENTITY.WRONG_STATUS,
      `status is ${person.status}: only people who have not activated their account get an invitation`,
      sentCount,
    );
  }
  const invitation: Invitation = { sentCount: sentCount + 1, sentAt: ctx.now, tokenHash: issued.hash, cancelledAt: null };
  return {
    outcome: { userId, status: 'succeeded', before: sentCount, data: tokenMail('invitation', person, issued.token) },
    change: { userId, set: { invitation }, op: { k: ctx.key, b: sentCount } },
    preview: { before: sentCount, after: sentCount + 1 },
  };
}

/** Issues new invitation links in one bulk write and hands each token to the communications step. */
@CommandHandler(ResendInvitation)
export class ResendInvitationHandler implements ICommandHandler<ResendInvitation, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work, dryRun }: ResendInvitation): Promise<Outcome[]> {
    const params = validateParams('resend-invitation', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const ctx: ResendContext = { tenantId: work.tenantId, key: dryRun ? DRY_RUN_KEY : opKey(work), now: new Date() };
    const decisions = decideEach(work.userIds, (id) => decideResend(id, found.get(id), ctx));
    if (dryRun) return decisions.map(dryRunOutcome);
    await this.people.apply(
      work.tenantId,
      decisions.flatMap((d) => (d.change ? [d.change] : [])),
    );
    return decisions.map((d) => d.outcome);
  }
}
