import { Person } from '../../people/person.schema';
import { fakeStatusStores, statusWork } from '../status/fake-status-stores';
import { testPerson } from '../test-person';
import { ArchiveProfile, ArchiveProfileHandler } from './archive-profile.handler';

const setup = (people: Person[], owners?: string[]) => {
  const stores = fakeStatusStores(people, owners);
  return { ...stores, handler: new ArchiveProfileHandler(stores.people, stores.tenants) };
};

describe('ArchiveProfileHandler', () => {
  it('archives active, deactivated and invited people, skipping self, the last Owner and the archived', async () => {
    const people = [
      testPerson({ userId: 'o1', role: 'Owner' }),
      testPerson({ userId: 'me' }),
      testPerson({ userId: 'u1', status: 'deactivated' }),
      testPerson({ userId: 'u2', status: 'invited' }),
      testPerson({ userId: 'u3', status: 'archived' }),
    ];
    const { handler, writes } = setup(people);
    const outcomes = await handler.execute(new ArchiveProfile(statusWork('archive-profile', ['o1', 'me', 'u1', 'u2', 'u3'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['IDENTITY.LAST_OWNER', 'IDENTITY.SELF', 'succeeded', 'succeeded', 'IDENTITY.UNCHANGED']);
    expect(outcomes[1].message).toBe('nobody can archive themself');
    expect(outcomes.slice(2, 4).map((o) => o.before)).toEqual(['deactivated', 'invited']);
    expect(writes).toEqual(['people u1=archived,u2=archived']);
  });

  it('archives an Owner while another remains: guard first, then the person', async () => {
    const { handler, writes, list } = setup([testPerson({ userId: 'o1', role: 'Owner' }), testPerson({ userId: 'o2', role: 'Owner' })]);
    await handler.execute(new ArchiveProfile(statusWork('archive-profile', ['o1'])));
    expect(writes).toEqual(['guard o1 removed', 'people o1=archived']);
    expect(list).toEqual(['o2']);
  });
});
