import { WorkChunk } from '@cohort/contracts';
import { PeopleRepository, PersonChange } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { testPerson } from '../test-person';
import { ChangeRole, ChangeRoleHandler } from './change-role.handler';

/** Stub stores that log every write in order, with an owners list that applies the atomic guard. */
function stores(people: Person[], owners: string[], listNow: string[] = owners) {
  const writes: string[] = [];
  const list = [...listNow];
  const peopleRepo = {
    findMany: async (_t: string, ids: string[]) => new Map(people.filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p])),
    apply: async (_t: string, changes: PersonChange[]) =>
      void (changes.length && writes.push(`people ${changes.map((c) => `${c.userId}=${c.set.role}`).join(',')}`)),
  } as unknown as PeopleRepository;
  const tenantsRepo = {
    owners: async () => [...owners],
    removeOwnerIfAnotherRemains: async (_t: string, id: string) => {
      const ok = list.some((o) => o !== id);
      if (ok && list.includes(id)) list.splice(list.indexOf(id), 1);
      writes.push(`guard ${id} ${ok ? 'removed' : 'refused'}`);
      return ok;
    },
    addOwners: async (_t: string, ids: string[]) =>
      void (ids.length && (list.push(...ids.filter((i) => !list.includes(i))), writes.push(`add ${ids}`))),
    removeOwners: async (_t: string, ids: string[]) => void (ids.length && writes.push(`remove ${ids}`)),
  } as unknown as TenantsRepository;
  return { handler: new ChangeRoleHandler(peopleRepo, tenantsRepo), writes, list };
}

const work = (userIds: string[], role: string, over: Partial<WorkChunk> = {}): WorkChunk => ({
  jobId: 'j',
  step: 0,
  chunk: 0,
  attempt: 1,
  tenantId: 't',
  action: 'change-role',
  actorId: 'me',
  params: { role },
  userIds,
  ...over,
});
const owner = (userId: string, over: Partial<Person> = {}) => testPerson({ userId, role: 'Owner', ...over });

describe('ChangeRoleHandler', () => {
  it('demotes through the guard first, then writes the person', async () => {
    const { handler, writes, list } = stores([owner('o1'), owner('o2'), testPerson({ userId: 'me', role: 'Admin' })], ['o1', 'o2']);
    const outcomes = await handler.execute(new ChangeRole(work(['o1', 'o2', 'me'], 'Learner')));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'IDENTITY.LAST_OWNER', 'IDENTITY.SELF']);
    expect(writes).toEqual(['guard o1 removed', 'people o1=Learner']);
    expect(list).toEqual(['o2']);
  });

  it('a demotion the guard refuses (another chunk took the other Owner) is a LAST_OWNER skip, nothing written', async () => {
    const { handler, writes } = stores([owner('o1')], ['o1', 'o2'], ['o1']); // read [o1, o2]; o2 was demoted since
    const [outcome] = await handler.execute(new ChangeRole(work(['o1'], 'Admin')));
    expect(outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.LAST_OWNER' });
    expect(writes).toEqual(['guard o1 refused']);
  });

  it('promotes: person first, then the owners list', async () => {
    const { handler, writes } = stores([testPerson({ userId: 'u1' }), testPerson({ userId: 'u2', status: 'invited' })], ['o1']);
    await handler.execute(new ChangeRole(work(['u1', 'u2'], 'Owner')));
    expect(writes).toEqual(['people u1=Owner,u2=Owner', 'add u1']); // an invited Owner is not an active one
  });

  it('a redelivery writes no person and puts back an Owner whose list update was lost', async () => {
    const promoted = owner('u1', { ops: [{ k: 'j:0', b: 'Learner' }] });
    const { handler, writes } = stores([promoted], ['o1']);
    const outcomes = await handler.execute(new ChangeRole(work(['u1'], 'Owner')));
    expect(outcomes).toEqual([{ userId: 'u1', status: 'succeeded', before: 'Learner' }]);
    expect(writes).toEqual(['add u1']);
  });

  it('a dry run writes nothing and shows before → after', async () => {
    const { handler, writes } = stores([testPerson({ userId: 'u1' })], ['o1']);
    const outcomes = await handler.execute(new ChangeRole(work(['u1', 'u9'], 'HR'), true));
    expect(outcomes).toEqual([
      { userId: 'u1', status: 'succeeded', before: 'Learner', data: { after: 'HR' } },
      { userId: 'u9', status: 'failed', code: 'IDENTITY.NOT_FOUND', message: 'person not found', retryable: false },
    ]);
    expect(writes).toEqual([]);
  });

  it('bad params fail every person with the field named', async () => {
    const { handler } = stores([], []);
    const [outcome] = await handler.execute(new ChangeRole(work(['u1'], 'King')));
    expect(outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS', message: expect.stringMatching(/^params\.role: /) });
  });
});
