import { Language, Outcome, Role } from '@cohort/contracts';
import { IDENTITY } from '../../identity.errors';
import { RowError } from '../../imports/import-row';
import { Person, personKey } from '../../people/person.schema';
import { IssuedToken } from '../../tokens/secrets';
import { tokenMail } from '../../invitations/token-mail';
import { appliedOp, decideEach } from '../decision';

/** Who to invite under one user id: from params.invitees or a valid row of an uploaded file. */
export interface NewInvitee {
  email: string;
  name?: string;
  role: Role;
  language?: Language | string;
}

/** What the job knows for one user id: an invitee, or the error of their row in the uploaded file. */
export type InviteeSource = { invitee: NewInvitee } | { row: number; error: RowError };

/** A new person document, as PeopleRepository.insertMany takes it. */
export type NewPerson = Partial<Person> & Pick<Person, '_id' | 'tenantId' | 'userId' | 'email' | 'role' | 'name' | 'language'>;

export interface InviteContext {
  tenantId: string;
  /** op key of this (job, step) */
  key: string;
  now: Date;
  /** a dry run decides without creating anyone or issuing a token */
  dryRun: boolean;
  /** the (derived, hence repeatable) invitation token of a person of this (job, step) */
  issue: (userId: string) => IssuedToken;
  /** e-mail addresses known to belong to someone in the tenant (a dry run looks them up; a run learns them from refused inserts) */
  takenEmails: ReadonlySet<string>;
}

export interface InviteDecision {
  outcome: Outcome;
  /** the person to insert; absent for skips, failures, replays and dry runs */
  create?: NewPerson;
  /** the e-mail address this decision gives an account (a later invitee of the chunk with it is skipped) */
  email?: string;
}

const DEFAULT_LANGUAGE = 'en';

/**
 * Pure: what inviting one user id means, given the invitee (if any) and whoever is stored under that
 * id. A redelivered (job, step) finds its own person and answers as the first time, same token included.
 */
export function decideInvite(userId: string, source: InviteeSource | undefined, existing: Person | undefined, ctx: InviteContext): InviteDecision {
  if (existing && appliedOp(existing, ctx.key)) return invited(existing, ctx.issue(userId).token);
  if (!source) return failed(userId, IDENTITY.NO_INVITEE, 'no invitee for this user id in params.invitees or the uploaded file');
  if ('error' in source) return failed(userId, IDENTITY.INVALID_ROW, `row ${source.row}, column ${source.error.column}: ${source.error.message}`);
  const email = source.invitee.email.trim().toLowerCase();
  if (existing && existing.email !== email) return failed(userId, IDENTITY.INVALID_PARAMS, `user id ${userId} belongs to another person`);
  if (existing || ctx.takenEmails.has(email)) return emailExists(userId, email);
  if (ctx.dryRun) return { outcome: { userId, status: 'succeeded', data: { after: { email, role: source.invitee.role } } }, email };
  const token = ctx.issue(userId);
  const person = newPerson(userId, { ...source.invitee, email }, token.hash, ctx);
  return { outcome: invited(person, token.token).outcome, create: person, email };
}

/** Pure: the decisions of a chunk in order; a repeated id is decided once, a repeated e-mail is taken by the first. */
export function decideInvites(
  userIds: readonly string[],
  sources: ReadonlyMap<string, InviteeSource>,
  found: ReadonlyMap<string, Person>,
  ctx: InviteContext,
): InviteDecision[] {
  const taken = new Set(ctx.takenEmails);
  return decideEach(userIds, (userId) => {
    const decision = decideInvite(userId, sources.get(userId), found.get(userId), { ...ctx, takenEmails: taken });
    if (decision.email) taken.add(decision.email);
    return decision;
  });
}

function emailExists(userId: string, email: string): InviteDecision {
  return { outcome: { userId, status: 'skipped', code: IDENTITY.EMAIL_EXISTS, message: `${email} already has an account` } };
}

/** The invited person's outcome: succeeded, with what the e-mail step needs (the token is derived, never stored). */
function invited(person: Pick<Person, 'userId' | 'email' | 'name' | 'language'>, token: string): InviteDecision {
  return { outcome: { userId: person.userId, status: 'succeeded', data: tokenMail('invitation', person, token) } };
}

/** A full person document for an invitee: invited, one invitation sent now, the op marker of this (job, step). */
function newPerson(userId: string, invitee: NewInvitee, tokenHash: string, ctx: Pick<InviteContext, 'tenantId' | 'key' | 'now'>): NewPerson {
  const name = invitee.name?.trim() || invitee.email.slice(0, invitee.email.indexOf('@'));
  return {
    _id: personKey(ctx.tenantId, userId),
    tenantId: ctx.tenantId,
    userId,
    email: invitee.email,
    name,
    search: `${name} ${invitee.email}`.toLowerCase(),
    status: 'invited',
    role: invitee.role,
    permissions: [],
    language: invitee.language ?? DEFAULT_LANGUAGE,
    profileVisibility: 'public',
    labels: [],
    specialisms: [],
    lastActiveAt: null,
    anonymous: false,
    invitation: { sentCount: 1, sentAt: ctx.now, tokenHash },
    passwordReset: null,
    passwordHash: null,
    accessCodeHash: null,
    ops: [{ k: ctx.key, b: null }],
    v: 1,
  };
}

function failed(userId: string, code: string, message: string): InviteDecision {
  return { outcome: { userId, status: 'failed', code, message, retryable: false } };
}
