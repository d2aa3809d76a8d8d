import { TokenMail } from '@cohort/contracts';
import { IDENTITY } from '../identity.errors';
import { AppliedOp, Person } from '../people/person.schema';
import { Decision, replayed, skipped } from '../actions/decision';

/** The mail data (libs/contracts TokenMail) of `kind` for `person` carrying `token`. */
export function tokenMail(kind: TokenMail['kind'], person: Pick<Person, 'email' | 'name' | 'language'>, token: string, expiresAt?: Date): TokenMail {
  const mail: TokenMail = { kind, email: person.email, name: person.name, language: person.language, token };
  return expiresAt ? { ...mail, expiresAt: expiresAt.toISOString() } : mail;
}

/** An account without e-mail sign-in: no invitation or password-reset link can reach it. */
export function anonymousAccount(userId: string, current: unknown): Decision {
  return skipped(userId, IDENTITY.ANONYMOUS_ACCOUNT, 'anonymous account: it signs in with an access code, not by e-mail', current);
}

/**
 * A redelivered (job, step) that issued a token: the same outcome and mail data as the first time (the
 * token is re-derived), and no write. If the link died since (replaced, cancelled, used or accepted),
 * the person is skipped instead, so no e-mail carries a link that no longer works.
 */
export function replayedWithMail(userId: string, op: AppliedOp, mail: TokenMail | undefined, current: unknown): Decision {
  if (!mail) return skipped(userId, IDENTITY.TOKEN_INVALID, 'the link this step issued was replaced, cancelled or used since', current);
  const decision = replayed(userId, op);
  return { ...decision, outcome: { ...decision.outcome, data: mail } };
}
