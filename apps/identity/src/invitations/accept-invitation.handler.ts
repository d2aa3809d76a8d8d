import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AcceptInvitation, TokenAccepted } from '@cohort/contracts';
import { IdentityEventsPublisher } from '../events/identity-events.publisher';
import { IDENTITY, IdentityError } from '../identity.errors';
import { PeopleRepository } from '../people/people.repository';
import { isActiveOwner, Person } from '../people/person.schema';
import { TenantsRepository } from '../tenants/tenants.repository';
import { hashSecret, parseToken } from '../tokens/secrets';
import { TokenUsesRepository } from '../tokens/token-uses.repository';

/** Someone opened their invitation link: activate the account the token names. */
export class AcceptInvitationCommand {
  constructor(readonly request: AcceptInvitation) {}
}

/** The one refusal of any link that does not work, whatever the reason: it never says which person. */
export function invalidInvitation(): IdentityError {
  return new IdentityError(
    IDENTITY.TOKEN_INVALID,
    'this invitation link is no longer valid: it was replaced by a newer one, cancelled, or used',
    'token',
  );
}

/** lowercased "name email", what the directory's free-text filter searches. */
export function searchText(name: string, email: string): string {
  return `${name} ${email}`.toLowerCase();
}

/**
 * Activates an invited person: the link must be the current invitation of a still-invited person (a
 * replaced, cancelled or used link is not), its first use claims it in the token ledger (two clicks at
 * once: one wins, on any store), then one conditional single-document update activates. An accepted Owner then joins the tenant's owners list (after the
 * person write: a crash in between leaves the list short of an Owner, the stricter guard). Last, the
 * `person-activated` event goes out, so the notifications waiting for the person are delivered. The
 * account is active whether or not that publish works: a failed publish is logged, not the caller's
 * error (the link is used by then), and leaves those notifications waiting — the remaining window.
 */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand, TokenAccepted> {
  private readonly log = new Logger(AcceptInvitationHandler.name);

  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
    private readonly uses: TokenUsesRepository,
    private readonly events: IdentityEventsPublisher,
  ) {}

  async execute({ request }: AcceptInvitationCommand): Promise<TokenAccepted> {
    const subject = parseToken(request.token);
    if (!subject) throw invalidInvitation();
    const { tenantId, userId, hash } = subject;
    const person = await this.people.findOne(tenantId, userId);
    if (person?.status !== 'invited' || person.invitation?.tokenHash !== hash) throw invalidInvitation();
    const now = new Date();
    const set: Partial<Person> = { status: 'active', invitation: null, lastActiveAt: now };
    if (request.name !== undefined) Object.assign(set, { name: request.name, search: searchText(request.name, person.email) });
    if (request.password !== undefined) set.passwordHash = await hashSecret(request.password);
    if (!(await this.uses.claim('invitation', hash))) throw invalidInvitation();
    const accepted = await this.people
      .updateWhere(tenantId, userId, { status: 'invited', 'invitation.tokenHash': hash }, { $set: set })
      .catch(async (err: unknown) => {
        await this.uses.release('invitation', hash);
        throw err;
      });
    if (!accepted) throw invalidInvitation();
    if (isActiveOwner(accepted)) await this.tenants.addOwners(tenantId, [userId]);
    await this.events
      .personActivated(tenantId, userId, now)
      .catch((err: unknown) => this.log.error({ msg: 'person-activated not published', tenantId, userId, err: String(err) }));
    return { tenantId, userId, status: accepted.status };
  }
}
