import { Person } from '../../people/person.schema';
import { fakeStatusStores, statusWork } from '../status/fake-status-stores';
import { testPerson } from '../test-person';
import { MarkPendingDeletion, MarkPendingDeletionHandler } from './mark-pending-deletion.handler';

const setup = (people: Person[], owners?: string[]) => {
  const stores = fakeStatusStores(people, owners);
  return { ...stores, handler: new MarkPendingDeletionHandler(stores.people, stores.tenants) };
};

describe('MarkPendingDeletionHandler', () => {
  it('marks anyone but the actor, the last Owner and those marked already; keeps the prior status', async () => {
    const people = [
      testPerson({ userId: 'o1', role: 'Owner' }),
      testPerson({ userId: 'o2', role: 'Owner' }),
      testPerson({ userId: 'me' }),
      testPerson({ userId: 'u1', status: 'archived' }),
      testPerson({ userId: 'u2', status: 'pending-deletion' }),
    ];
    const { handler, writes, stored } = setup(people);
    const outcomes = await handler.execute(new MarkPendingDeletion(statusWork('mark-pending-deletion', ['o1', 'o2', 'me', 'u1', 'u2', 'u9'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual([
      'succeeded',
      'IDENTITY.LAST_OWNER',
      'IDENTITY.SELF',
      'succeeded',
      'IDENTITY.UNCHANGED',
      'IDENTITY.NOT_FOUND',
    ]);
    expect(outcomes[2].message).toBe('nobody can delete themself');
    expect(writes).toEqual(['people u1=pending-deletion', 'guard o1 removed', 'people o1=pending-deletion']);
    expect(stored.get('u1')?.ops).toEqual([{ k: 'j:0', b: 'archived' }]);
  });

  it("validates the params as delete's", async () => {
    const { handler } = setup([testPerson()]);
    const [outcome] = await handler.execute(new MarkPendingDeletion(statusWork('mark-pending-deletion', ['u1'], { params: { x: 1 } })));
    expect(outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS' });
  });
});
