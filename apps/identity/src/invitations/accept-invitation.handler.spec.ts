import { IdentityEventsPublisher } from '../events/identity-events.publisher';
import { Person } from '../people/person.schema';
import { testPerson } from '../actions/test-person';
import { TenantsRepository } from '../tenants/tenants.repository';
import { issueToken, verifySecret } from '../tokens/secrets';
import { AcceptInvitationCommand, AcceptInvitationHandler } from './accept-invitation.handler';
import { fakePeople, fakeTokenUses } from './fake-people';

const issued = issueToken('t', 'u1');
const invited = (over: Partial<Person> = {}) =>
  testPerson({
    status: 'invited',
    email: 'ann@t.test',
    invitation: { sentCount: 1, sentAt: new Date(), tokenHash: issued.hash, cancelledAt: null },
    ...over,
  });

/** The person-activated events a handler published, or a publisher whose broker is down. */
function fakeEvents(down = false) {
  const activated: { tenantId: string; userId: string; at: Date }[] = [];
  const publisher = {
    personActivated: async (tenantId: string, userId: string, at: Date) => {
      if (down) throw new Error('broker down');
      activated.push({ tenantId, userId, at });
    },
  } as unknown as IdentityEventsPublisher;
  return { publisher, activated };
}

function setup(people: Person[], brokerDown = false) {
  const { repo, updates } = fakePeople(people);
  const owners: string[] = [];
  const tenants = { addOwners: async (_t: string, ids: string[]) => void owners.push(...ids) } as unknown as TenantsRepository;
  const events = fakeEvents(brokerDown);
  const handler = new AcceptInvitationHandler(repo, tenants, fakeTokenUses(), events.publisher);
  return { handler, updates, owners, repo, tenants, activated: events.activated };
}
const accept = (token: string, extra: { name?: string; password?: string } = {}) => new AcceptInvitationCommand({ token, ...extra });
const INVALID = {
  code: 'IDENTITY.TOKEN_INVALID',
  field: 'token',
  message: 'this invitation link is no longer valid: it was replaced by a newer one, cancelled, or used',
};

describe('AcceptInvitationHandler', () => {
  it('activates once for two clicks at once even on a store whose conditional update is a separate read and write', async () => {
    const person = invited();
    const { repo, tenants } = setup([person]);
    // FerretDB 1.x: both clicks' conditional updates can match; the ledger lets one through
    const racy = { ...repo, updateWhere: async () => ({ ...person, status: 'active' }) } as unknown as typeof repo;
    const handler = new AcceptInvitationHandler(racy, tenants, fakeTokenUses(), fakeEvents().publisher);
    const both = await Promise.allSettled([handler.execute(accept(issued.token)), handler.execute(accept(issued.token))]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('activates the invited person in one conditional update and drops the invitation', async () => {
    const person = invited();
    const { handler, updates, owners } = setup([person]);
    expect(await handler.execute(accept(issued.token))).toEqual({ tenantId: 't', userId: 'u1', status: 'active' });
    expect(updates).toHaveLength(1);
    expect(updates[0].where).toEqual({ status: 'invited', 'invitation.tokenHash': issued.hash });
    expect(person).toMatchObject({ status: 'active', invitation: null, lastActiveAt: expect.any(Date), name: 'u1' });
    expect(owners).toEqual([]);
  });

  it('publishes person-activated after the person write, at the activation time', async () => {
    const person = invited();
    const { handler, activated } = setup([person]);
    await handler.execute(accept(issued.token));
    expect(activated).toEqual([{ tenantId: 't', userId: 'u1', at: person.lastActiveAt }]);
  });

  it('activates even when the event cannot be published (the link is used by then)', async () => {
    const person = invited();
    const { handler } = setup([person], true);
    expect(await handler.execute(accept(issued.token))).toEqual({ tenantId: 't', userId: 'u1', status: 'active' });
    expect(person.status).toBe('active');
  });

  it('sets the chosen name (and the search text) and the password hash', async () => {
    const person = invited();
    const { handler } = setup([person]);
    await handler.execute(accept(issued.token, { name: 'Ann Smith', password: 'correct horse battery' }));
    expect(person).toMatchObject({ name: 'Ann Smith', search: 'ann smith ann@t.test' });
    expect(await verifySecret('correct horse battery', person.passwordHash)).toBe(true);
  });

  it('an accepted Owner joins the owners list', async () => {
    const { handler, owners } = setup([invited({ role: 'Owner' })]);
    await handler.execute(accept(issued.token));
    expect(owners).toEqual(['u1']);
  });

  it('refuses a malformed token without touching the store', async () => {
    const { handler, updates } = setup([invited()]);
    await expect(handler.execute(accept('not-a-token'))).rejects.toMatchObject(INVALID);
    expect(updates).toEqual([]);
  });

  it('refuses a replaced, cancelled, used or unknown link with one message that names nobody', async () => {
    const replaced = invited({ invitation: { sentCount: 2, sentAt: new Date(), tokenHash: 'newer' } });
    const cancelled = invited({ invitation: { sentCount: 1, sentAt: new Date(), tokenHash: null, cancelledAt: new Date() } });
    for (const people of [[replaced], [cancelled], []]) {
      await expect(setup(people).handler.execute(accept(issued.token, { name: 'X' }))).rejects.toMatchObject(INVALID);
    }
    const { handler, activated } = setup([invited()]);
    await handler.execute(accept(issued.token));
    await expect(handler.execute(accept(issued.token))).rejects.toMatchObject(INVALID); // used
    expect(activated).toHaveLength(1); // a refused link publishes nothing
  });
});
