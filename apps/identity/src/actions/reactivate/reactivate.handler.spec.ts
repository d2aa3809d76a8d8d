import { Person } from '../../people/person.schema';
import { fakeStatusStores, statusWork } from '../status/fake-status-stores';
import { testPerson } from '../test-person';
import { Reactivate, ReactivateHandler } from './reactivate.handler';

const setup = (people: Person[], owners?: string[]) => {
  const stores = fakeStatusStores(people, owners);
  return { ...stores, handler: new ReactivateHandler(stores.people, stores.tenants) };
};
const invitation = { sentCount: 1, sentAt: null, tokenHash: 'h' };

describe('ReactivateHandler', () => {
  it('reactivates: an Owner is written first, then put back on the owners list; oneself too', async () => {
    const people = [
      testPerson({ userId: 'o1', role: 'Owner', status: 'deactivated' }),
      testPerson({ userId: 'me', status: 'deactivated' }),
      testPerson({ userId: 'u1', status: 'deactivated', invitation }),
      testPerson({ userId: 'u2' }),
      testPerson({ userId: 'u3', status: 'archived' }),
    ];
    const { handler, writes, list } = setup(people, ['o2']);
    const outcomes = await handler.execute(new Reactivate(statusWork('reactivate', ['o1', 'me', 'u1', 'u2', 'u3'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'IDENTITY.UNCHANGED', 'IDENTITY.WRONG_STATUS']);
    expect(outcomes[3].message).toBe('status is already active');
    expect(writes).toEqual(['people o1=active,me=active,u1=invited', 'add o1']);
    expect(list).toEqual(['o2', 'o1']);
  });

  it('as the compensation of deactivate in the same job, restores exactly the status the forward step kept', async () => {
    const marked = (userId: string, b: string) => testPerson({ userId, status: 'deactivated', ops: [{ k: 'j:0', b }] });
    const { handler, writes, stored } = setup([marked('u1', 'invited'), marked('u2', 'active'), testPerson({ userId: 'u3', status: 'deactivated' })]);
    const outcomes = await handler.execute(new Reactivate(statusWork('reactivate', ['u1', 'u2', 'u3'], { step: 100 })));
    expect(outcomes).toEqual([
      { userId: 'u1', status: 'succeeded', before: 'deactivated' },
      { userId: 'u2', status: 'succeeded', before: 'deactivated' },
      { userId: 'u3', status: 'succeeded' }, // not deactivated by this job: left as it is
    ]);
    expect(writes).toEqual(['people u1=invited,u2=active']);
    expect(stored.get('u1')?.ops.at(-1)).toEqual({ k: 'j:100', b: 'deactivated' });
  });

  it('a redelivered compensation writes nothing', async () => {
    const { handler, writes } = setup([testPerson({ status: 'deactivated', ops: [{ k: 'j:0', b: 'active' }] })]);
    const work = statusWork('reactivate', ['u1'], { step: 100 });
    const first = await handler.execute(new Reactivate(work));
    writes.length = 0;
    expect(await handler.execute(new Reactivate({ ...work, attempt: 2 }))).toEqual(first);
    expect(writes).toEqual([]);
  });
});
