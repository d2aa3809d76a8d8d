import { WorkChunk } from '@cohort/contracts';
import { PeopleRepository, PersonChange } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { testPerson } from '../test-person';
import { applyListChange } from './apply-list-change';

function store(people: Person[]) {
  const writes: PersonChange[][] = [];
  const repo = {
    findMany: async (_t: string, ids: string[]) => new Map(people.filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p])),
    apply: async (_t: string, changes: PersonChange[]) => void writes.push(changes),
  } as unknown as PeopleRepository;
  return { repo, writes };
}

const work = (userIds: string[]): WorkChunk => ({
  jobId: 'j',
  step: 0,
  chunk: 0,
  attempt: 1,
  tenantId: 't',
  action: 'add-labels',
  params: {},
  userIds,
});

describe('applyListChange', () => {
  it('decides every person, repeated ids once, and writes the changes in one bulk write', async () => {
    const { repo, writes } = store([testPerson({ userId: 'u1' }), testPerson({ userId: 'u2', labels: ['a'] })]);
    const outcomes = await applyListChange(repo, work(['u1', 'u2', 'u9', 'u1']), false, { field: 'labels', op: 'add', values: ['a'] });
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'IDENTITY.UNCHANGED', 'IDENTITY.NOT_FOUND', 'succeeded']);
    expect(writes).toEqual([[{ userId: 'u1', set: { labels: ['a'] }, op: { k: 'j:0', b: [] } }]]);
  });

  it('a dry run writes nothing and shows before → after', async () => {
    const { repo, writes } = store([testPerson({ userId: 'u1', labels: ['a', 'b'] })]);
    const outcomes = await applyListChange(repo, work(['u1']), true, { field: 'labels', op: 'remove', values: ['a'] });
    expect(outcomes).toEqual([{ userId: 'u1', status: 'succeeded', before: ['a', 'b'], data: { after: ['b'] } }]);
    expect(writes).toEqual([]);
  });
});
