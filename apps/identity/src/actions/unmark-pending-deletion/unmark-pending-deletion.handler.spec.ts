import { Person } from '../../people/person.schema';
import { fakeStatusStores, statusWork } from '../status/fake-status-stores';
import { testPerson } from '../test-person';
import { UnmarkPendingDeletion, UnmarkPendingDeletionHandler } from './unmark-pending-deletion.handler';

const setup = (people: Person[], owners?: string[]) => {
  const stores = fakeStatusStores(people, owners);
  return { ...stores, handler: new UnmarkPendingDeletionHandler(stores.people, stores.tenants) };
};
const marked = (userId: string, b: string, over: Partial<Person> = {}) =>
  testPerson({ userId, status: 'pending-deletion', ops: [{ k: 'j:0', b }], ...over });
const compensation = (userIds: string[]) => statusWork('unmark-pending-deletion', userIds, { step: 100 });

describe('UnmarkPendingDeletionHandler', () => {
  it('restores the status each person had before the mark; an Owner goes back on the list after the write', async () => {
    const { handler, writes, list, stored } = setup(
      [marked('o1', 'active', { role: 'Owner' }), marked('u1', 'archived'), testPerson({ userId: 'u2', status: 'pending-deletion' })],
      ['o2'],
    );
    const outcomes = await handler.execute(new UnmarkPendingDeletion(compensation(['o1', 'u1', 'u2'])));
    expect(outcomes).toEqual([
      { userId: 'o1', status: 'succeeded', before: 'pending-deletion' },
      { userId: 'u1', status: 'succeeded', before: 'pending-deletion' },
      { userId: 'u2', status: 'succeeded' }, // no marker: this job did not mark them
    ]);
    expect(writes).toEqual(['people o1=active,u1=archived', 'add o1']);
    expect(list).toEqual(['o2', 'o1']);
    expect(stored.get('u2')?.status).toBe('pending-deletion');
  });

  it('a redelivery writes nothing twice', async () => {
    const { handler, writes } = setup([marked('u1', 'deactivated')]);
    const first = await handler.execute(new UnmarkPendingDeletion(compensation(['u1'])));
    writes.length = 0;
    expect(await handler.execute(new UnmarkPendingDeletion({ ...compensation(['u1']), attempt: 2 }))).toEqual(first);
    expect(writes).toEqual([]);
  });
});
