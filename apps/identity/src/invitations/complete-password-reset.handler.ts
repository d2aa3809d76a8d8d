import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CompletePasswordReset, TokenAccepted } from '@cohort/contracts';
import { IDENTITY, IdentityError } from '../identity.errors';
import { PeopleRepository } from '../people/people.repository';
import { Person } from '../people/person.schema';
import { hashSecret, parseToken } from '../tokens/secrets';
import { TokenUsesRepository } from '../tokens/token-uses.repository';

/** Someone opened their password-reset link and chose a new password. */
export class CompletePasswordResetCommand {
  constructor(readonly request: CompletePasswordReset) {}
}

function invalidReset(): IdentityError {
  return new IdentityError(IDENTITY.TOKEN_INVALID, 'this password-reset link is no longer valid: it was replaced by a newer one or used', 'token');
}

function expiredReset(): IdentityError {
  return new IdentityError(IDENTITY.TOKEN_EXPIRED, 'this password-reset link has expired: ask for a new one', 'token');
}

/** Pure: why a reset with this hash matched nothing: the person's own unused reset past its expiry, or anything else. */
export function resetRefusal(person: Person | undefined, hash: string, now: Date): IdentityError {
  const reset = person?.passwordReset;
  const expired = reset?.tokenHash === hash && !reset.usedAt && new Date(reset.expiresAt).getTime() <= now.getTime();
  return expired ? expiredReset() : invalidReset();
}

/**
 * Sets the new password: the link must be an active person's unused, unexpired reset (expiry checked in
 * the query: no TTL indexes on FerretDB); its first use claims it in the token ledger (the link works
 * once, also for two submits at once on FerretDB), then one conditional update writes the password and
 * marks the reset used. On no match, one read tells expired (410) from invalid (400).
 */
@CommandHandler(CompletePasswordResetCommand)
export class CompletePasswordResetHandler implements ICommandHandler<CompletePasswordResetCommand, TokenAccepted> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly uses: TokenUsesRepository,
  ) {}

  async execute({ request }: CompletePasswordResetCommand): Promise<TokenAccepted> {
    const subject = parseToken(request.token);
    if (!subject) throw invalidReset();
    const { tenantId, userId, hash } = subject;
    const passwordHash = await hashSecret(request.password);
    const now = new Date();
    const where = { status: 'active', 'passwordReset.tokenHash': hash, 'passwordReset.usedAt': null, 'passwordReset.expiresAt': { $gt: now } };
    const person = await this.people.findOne(tenantId, userId);
    const reset = person?.passwordReset;
    const usable = person?.status === 'active' && reset?.tokenHash === hash && !reset.usedAt && new Date(reset.expiresAt) > now;
    if (!usable || !(await this.uses.claim('password-reset', hash))) throw resetRefusal(person, hash, now);
    const done = await this.people
      .updateWhere(tenantId, userId, where, { $set: { passwordHash, 'passwordReset.usedAt': now } })
      .catch(async (err: unknown) => {
        await this.uses.release('password-reset', hash);
        throw err;
      });
    if (!done) throw resetRefusal(await this.people.findOne(tenantId, userId), hash, now);
    return { tenantId, userId, status: done.status };
  }
}
