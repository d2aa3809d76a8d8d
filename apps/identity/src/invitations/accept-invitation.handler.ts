import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AcceptInvitation, TokenAccepted } from '@cohort/contracts';
import { IDENTITY, IdentityError } from '../identity.errors';
import { PeopleRepository } from '../people/people.repository';
import { isActiveOwner, Person } from '../people/person.schema';
import { TenantsRepository } from '../tenants/tenants.repository';
import { hashSecret, parseToken } from '../tokens/secrets';

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
 * Activates an invited person in ONE conditional single-document update that matches only the current
 * invitation's hash of a still-invited person: a replaced, cancelled or used link matches nothing, and
 * two clicks at once activate once. An accepted Owner then joins the tenant's owners list (after the
 * person write: a crash in between leaves the list short of an Owner, the stricter guard).
 */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand, TokenAccepted> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  async execute({ request }: AcceptInvitationCommand): Promise<TokenAccepted> {
    const subject = parseToken(request.token);
    if (!subject) throw invalidInvitation();
    const { tenantId, userId, hash } = subject;
    const set: Partial<Person> = { status: 'active', invitation: null, lastActiveAt: new Date() };
    if (request.name !== undefined) {
      const person = await this.people.findOne(tenantId, userId); // for the e-mail in the search text
      if (!person) throw invalidInvitation();
      Object.assign(set, { name: request.name, search: searchText(request.name, person.email) });
    }
    if (request.password !== undefined) set.passwordHash = await hashSecret(request.password);
    const accepted = await this.people.updateWhere(tenantId, userId, { status: 'invited', 'invitation.tokenHash': hash }, { $set: set });
    if (!accepted) throw invalidInvitation();
    if (isActiveOwner(accepted)) await this.tenants.addOwners(tenantId, [userId]);
    return { tenantId, userId, status: accepted.status };
  }
}
