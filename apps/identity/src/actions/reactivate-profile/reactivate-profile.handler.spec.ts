import { Person } from '../../people/person.schema';
import { fakeStatusStores, statusWork } from '../status/fake-status-stores';
import { testPerson } from '../test-person';
import { ReactivateProfile, ReactivateProfileHandler } from './reactivate-profile.handler';

const setup = (people: Person[], owners?: string[]) => {
  const stores = fakeStatusStores(people, owners);
  return { ...stores, handler: new ReactivateProfileHandler(stores.people, stores.tenants) };
};

describe('ReactivateProfileHandler', () => {
  it('gives archived people back the status they had (invited if they were), the Owners back on the list', async () => {
    const people = [
      testPerson({ userId: 'o1', role: 'Owner', status: 'archived', priorStatuses: ['active'] }),
      testPerson({ userId: 'u1', status: 'archived', priorStatuses: ['invited'] }),
      testPerson({ userId: 'u2', status: 'deactivated' }),
      testPerson({ userId: 'u3' }),
    ];
    const { handler, writes, list } = setup(people, ['o2']);
    const outcomes = await handler.execute(new ReactivateProfile(statusWork('reactivate-profile', ['o1', 'u1', 'u2', 'u3'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'succeeded', 'IDENTITY.WRONG_STATUS', 'IDENTITY.UNCHANGED']);
    expect(outcomes[2].message).toBe('cannot reactivate the profile of someone whose status is deactivated');
    expect(writes).toEqual(['people o1=active,u1=invited', 'add o1']);
    expect(list).toEqual(['o2', 'o1']);
  });

  it('a redelivery puts back an Owner whose list update was lost, and writes no person', async () => {
    const { handler, writes } = setup([testPerson({ userId: 'o1', role: 'Owner', ops: [{ k: 'j:0', b: 'archived' }] })], []);
    const outcomes = await handler.execute(new ReactivateProfile(statusWork('reactivate-profile', ['o1'])));
    expect(outcomes).toEqual([{ userId: 'o1', status: 'succeeded', before: 'archived' }]);
    expect(writes).toEqual(['add o1']);
  });
});
