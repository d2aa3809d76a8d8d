import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { anonymousAccount, replayedWithMail, tokenMail } from '../../invitations/token-mail';
import { PeopleRepository } from '../../people/people.repository';
import { PasswordReset, Person } from '../../people/person.schema';
import { issueToken } from '../../tokens/secrets';
import { appliedOp, Decision, decideEach, DRY_RUN_KEY, dryRunOutcome, notFound, skipped } from '../decision';

const DAY_MS = 86_400_000;

/** How long a password-reset link works: IDENTITY_RESET_TTL_MS (ms, default 24 h), read once at start-up. */
export const RESET_TTL_MS: number = z
  .object({ IDENTITY_RESET_TTL_MS: z.coerce.number().int().min(1).default(DAY_MS) })
  .parse({ IDENTITY_RESET_TTL_MS: process.env.IDENTITY_RESET_TTL_MS || undefined }).IDENTITY_RESET_TTL_MS;

/** A work chunk of `send-password-reset`; a dry run decides without writing. */
export class SendPasswordReset {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

export interface ResetContext {
  tenantId: string;
  /** op key of this (job, step): also the seed of the derived token */
  key: string;
  /** when a link issued now stops working */
  expiresAt: Date;
}

/** The reset with this token hash if it still works (unused, person active); undefined once replaced or used. */
function liveReset(person: Person, hash: string): PasswordReset | undefined {
  const reset = person.passwordReset;
  return person.status === 'active' && reset?.tokenHash === hash && !reset.usedAt ? reset : undefined;
}

/** What the preview shows before → after: until when the person's unused reset link works (ISO), or null. */
function pendingUntil(person: Person): string | null {
  const reset = person.passwordReset;
  return reset && !reset.usedAt ? new Date(reset.expiresAt).toISOString() : null;
}

/**
 * Pure: issuing one person a password-reset link. Only active people who sign in by e-mail get one; a
 * new reset replaces a pending one. The token and its expiry go to the communications step in `data`.
 */
export function decidePasswordReset(userId: string, person: Person | undefined, ctx: ResetContext): Decision {
  if (!person) return notFound(userId);
  const issued = issueToken(ctx.tenantId, userId, ctx.key);
  const applied = appliedOp(person, ctx.key);
  if (applied) {
    const live = liveReset(person, issued.hash);
    return replayedWithMail(
      userId,
      applied,
      live && tokenMail('password-reset', person, issued.token, new Date(live.expiresAt)),
      pendingUntil(person),
    );
  }
  const until = pendingUntil(person);
  if (person.anonymous) return anonymousAccount(userId, until);
  if (person.status === 'invited') return skipped(userId, IDENTITY.WRONG_STATUS, 'has not accepted the invitation yet: resend it instead', until);
  if (person.status !== 'active')
    return skipped(userId, IDENTITY.WRONG_STATUS, `status is ${person.status}: only active people can reset their password`, until);
  const passwordReset: PasswordReset = { tokenHash: issued.hash, expiresAt: ctx.expiresAt, usedAt: null };
  return {
    outcome: { userId, status: 'succeeded', data: tokenMail('password-reset', person, issued.token, ctx.expiresAt) },
    change: { userId, set: { passwordReset }, op: { k: ctx.key } },
    preview: { before: until, after: ctx.expiresAt.toISOString() },
  };
}

/** Issues password-reset links in one bulk write and hands each token to the communications step. */
@CommandHandler(SendPasswordReset)
export class SendPasswordResetHandler implements ICommandHandler<SendPasswordReset, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work, dryRun }: SendPasswordReset): Promise<Outcome[]> {
    const params = validateParams('send-password-reset', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const key = dryRun ? DRY_RUN_KEY : opKey(work);
    const ctx: ResetContext = { tenantId: work.tenantId, key, expiresAt: new Date(Date.now() + RESET_TTL_MS) };
    const decisions = decideEach(work.userIds, (id) => decidePasswordReset(id, found.get(id), ctx));
    if (dryRun) return decisions.map(dryRunOutcome);
    await this.people.apply(
      work.tenantId,
      decisions.flatMap((d) => (d.change ? [d.change] : [])),
    );
    return decisions.map((d) => d.outcome);
  }
}
