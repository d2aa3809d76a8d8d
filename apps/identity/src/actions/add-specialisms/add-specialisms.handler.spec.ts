import { WorkChunk } from '@cohort/contracts';
import { PeopleRepository, PersonChange } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { testPerson } from '../test-person';
import { AddSpecialisms, AddSpecialismsHandler } from './add-specialisms.handler';

function handler(people: Person[]) {
  const writes: PersonChange[] = [];
  const repo = {
    findMany: async (_t: string, ids: string[]) => new Map(people.filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p])),
    apply: async (_t: string, changes: PersonChange[]) => void writes.push(...changes),
  } as unknown as PeopleRepository;
  return { handler: new AddSpecialismsHandler(repo), writes };
}

const work = (params: Record<string, unknown>): WorkChunk => ({
  jobId: 'j',
  step: 0,
  chunk: 0,
  attempt: 1,
  tenantId: 't',
  action: 'add-specialisms',
  params,
  userIds: ['u1'],
});

describe('AddSpecialismsHandler', () => {
  it('adds the specialisms the person lacks', async () => {
    const { handler: h, writes } = handler([testPerson({ specialisms: ['a'] })]);
    const [outcome] = await h.execute(new AddSpecialisms(work({ specialisms: ['b'] })));
    expect(outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['a'] });
    expect(writes.map((w) => w.set)).toEqual([{ specialisms: ['a', 'b'] }]);
  });

  it('bad params fail every person with the field named', async () => {
    const { handler: h, writes } = handler([testPerson()]);
    const [outcome] = await h.execute(new AddSpecialisms(work({ specialisms: 'b' })));
    expect(outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS', message: expect.stringMatching(/^params\.specialisms: /) });
    expect(writes).toEqual([]);
  });
});
