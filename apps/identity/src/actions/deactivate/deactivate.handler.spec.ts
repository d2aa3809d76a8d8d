import { Person } from '../../people/person.schema';
import { fakeStatusStores, statusWork } from '../status/fake-status-stores';
import { testPerson } from '../test-person';
import { Deactivate, DeactivateHandler } from './deactivate.handler';

const owner = (userId: string, over: Partial<Person> = {}) => testPerson({ userId, role: 'Owner', ...over });
const setup = (people: Person[], owners?: string[], seen?: string[]) => {
  const stores = fakeStatusStores(people, owners, seen);
  return { ...stores, handler: new DeactivateHandler(stores.people, stores.tenants) };
};

describe('DeactivateHandler', () => {
  it('deactivates, takes an Owner out through the guard before writing them, and skips self and the last Owner', async () => {
    const { handler, writes, list, stored } = setup([
      owner('o1'),
      owner('o2'),
      testPerson({ userId: 'me' }),
      testPerson({ userId: 'u1', status: 'invited' }),
    ]);
    const outcomes = await handler.execute(new Deactivate(statusWork('deactivate', ['o1', 'o2', 'me', 'u1', 'u9'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'IDENTITY.LAST_OWNER', 'IDENTITY.SELF', 'succeeded', 'IDENTITY.NOT_FOUND']);
    expect(outcomes[3]).toEqual({ userId: 'u1', status: 'succeeded', before: 'invited' });
    expect(writes).toEqual(['people u1=deactivated', 'guard o1 removed', 'people o1=deactivated']);
    expect(list).toEqual(['o2']);
    expect(stored.get('o1')?.ops).toEqual([{ k: 'j:0', b: 'active' }]);
  });

  it('an Owner the guard refuses (another chunk took the other Owner) is a LAST_OWNER skip, nothing written', async () => {
    const { handler, writes } = setup([owner('o1')], ['o1'], ['o1', 'o2']); // read [o1, o2]; o2 was deactivated since
    const [outcome] = await handler.execute(new Deactivate(statusWork('deactivate', ['o1'])));
    expect(outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.LAST_OWNER', message: 'the last active Owner of a tenant stays active' });
    expect(writes).toEqual(['guard o1 refused']);
  });

  it('a redelivery gives the same outcomes and writes nothing twice', async () => {
    const { handler, writes } = setup([owner('o1'), owner('o2'), testPerson({ userId: 'u1' })]);
    const first = await handler.execute(new Deactivate(statusWork('deactivate', ['o1', 'u1'])));
    writes.length = 0;
    expect(await handler.execute(new Deactivate(statusWork('deactivate', ['o1', 'u1'], { attempt: 2 })))).toEqual(first);
    expect(writes).toEqual([]);
  });

  it('a redelivery takes an Owner it deactivated off a list that still holds them', async () => {
    const { handler, writes, list } = setup([owner('o1', { status: 'deactivated', ops: [{ k: 'j:0', b: 'active' }] }), owner('o2')], ['o1', 'o2']);
    await handler.execute(new Deactivate(statusWork('deactivate', ['o1'])));
    expect(writes).toEqual(['remove o1']);
    expect(list).toEqual(['o2']);
  });

  it('a dry run writes nothing and shows before → after', async () => {
    const { handler, writes } = setup([testPerson({ userId: 'u1' })]);
    expect(await handler.execute(new Deactivate(statusWork('deactivate', ['u1']), true))).toEqual([
      { userId: 'u1', status: 'succeeded', before: 'active', data: { after: 'deactivated' } },
    ]);
    expect(writes).toEqual([]);
  });

  it('params other than none fail every person with the field named', async () => {
    const { handler } = setup([testPerson()]);
    const [outcome] = await handler.execute(new Deactivate(statusWork('deactivate', ['u1'], { params: { role: 'x' } })));
    expect(outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS', message: expect.stringMatching(/^params/) });
  });
});
