import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Invitee, Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { StagedInvitee } from '../../imports/staged-invitee.schema';
import { StagedInviteesRepository } from '../../imports/staged-invitees.repository';
import { PeopleRepository } from '../../people/people.repository';
import { issueToken } from '../../tokens/secrets';
import { DRY_RUN_KEY } from '../decision';
import { decideInvite, decideInvites, InviteContext, InviteDecision, InviteeSource, NewInvitee } from './invite-users.decision';

/** A work chunk of `invite-users` (step 0 of its saga; communications sends the e-mails next); a dry run decides without writing. */
export class InviteUsers {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Creates invited accounts in one unordered insert: the invitee of each user id comes from
 * params.invitees (Kafka publishers) or from the staged row of an uploaded file. The tenant's unique
 * e-mail index decides who exists already (a refused insert), so a run reads no e-mail; a redelivered
 * chunk finds its own people by their op marker and hands on the same (derived) tokens.
 */
@CommandHandler(InviteUsers)
export class InviteUsersHandler implements ICommandHandler<InviteUsers, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly staged: StagedInviteesRepository,
  ) {}

  async execute({ work, dryRun }: InviteUsers): Promise<Outcome[]> {
    const params = validateParams('invite-users', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const sources = await this.sources(work.tenantId, work.userIds, params.params.invitees ?? []);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const key = dryRun ? DRY_RUN_KEY : opKey(work);
    const ctx: InviteContext = {
      tenantId: work.tenantId,
      key,
      now: new Date(),
      dryRun,
      issue: (userId) => issueToken(work.tenantId, userId, key),
      takenEmails: dryRun ? await this.takenEmails(work.tenantId, sources) : new Set(),
    };
    const decisions = decideInvites(work.userIds, sources, found, ctx);
    if (dryRun) return decisions.map((d) => d.outcome);
    const refused = await this.people.insertMany(decisions.flatMap((d) => (d.create ? [d.create] : [])));
    return Promise.all(decisions.map((d) => (d.create && refused.has(d.outcome.userId) ? this.afterRefusal(d, sources, ctx) : d.outcome)));
  }

  /** Per user id: the inline invitee if the params list one, else the import's staged row. */
  private async sources(tenantId: string, userIds: string[], invitees: Invitee[]): Promise<Map<string, InviteeSource>> {
    const sources = new Map<string, InviteeSource>();
    const wanted = new Set(userIds);
    for (const { userId, ...invitee } of invitees) if (wanted.has(userId)) sources.set(userId, { invitee });
    const rows = await this.staged.findMany(tenantId, [...new Set(userIds.filter((id) => !sources.has(id)))]);
    for (const [userId, row] of rows) sources.set(userId, stagedSource(row));
    return sources;
  }

  /** A dry run's stand-in for the insert's verdict: which invitees' e-mails someone in the tenant has (one query). */
  private async takenEmails(tenantId: string, sources: ReadonlyMap<string, InviteeSource>): Promise<Set<string>> {
    const emails = [...new Set([...sources.values()].flatMap((s) => ('invitee' in s ? [s.invitee.email.trim().toLowerCase()] : [])))];
    if (emails.length === 0) return new Set();
    const holders = await this.people.page(tenantId, { tenantId, email: { $in: emails } }, undefined, emails.length);
    return new Set(holders.map((p) => p.email));
  }

  /**
   * An insert refused by a duplicate key: this (job, step) created the person already (a concurrent
   * redelivery), someone holds the user id, or, most often, someone in the tenant has the e-mail.
   */
  private async afterRefusal(d: InviteDecision, sources: ReadonlyMap<string, InviteeSource>, ctx: InviteContext): Promise<Outcome> {
    const { userId } = d.outcome;
    const holder = await this.people.findOne(ctx.tenantId, userId);
    return decideInvite(userId, sources.get(userId), holder, { ...ctx, takenEmails: new Set([d.create!.email]) }).outcome;
  }
}

function stagedSource(row: StagedInvitee): InviteeSource {
  if (row.error) return { row: row.row, error: row.error };
  const invitee: NewInvitee = {
    email: row.email!,
    role: row.role as NewInvitee['role'],
    ...(row.name && { name: row.name }),
    ...(row.language && { language: row.language }),
  };
  return { invitee };
}
