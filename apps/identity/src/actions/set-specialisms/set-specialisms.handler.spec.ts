import { WorkChunk } from '@cohort/contracts';
import { PeopleRepository, PersonChange } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { testPerson } from '../test-person';
import { SetSpecialisms, SetSpecialismsHandler } from './set-specialisms.handler';

function handler(people: Person[]) {
  const writes: PersonChange[] = [];
  const repo = {
    findMany: async (_t: string, ids: string[]) => new Map(people.filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p])),
    apply: async (_t: string, changes: PersonChange[]) => void writes.push(...changes),
  } as unknown as PeopleRepository;
  return { handler: new SetSpecialismsHandler(repo), writes };
}

const work = (params: Record<string, unknown>): WorkChunk => ({
  jobId: 'j',
  step: 0,
  chunk: 0,
  attempt: 1,
  tenantId: 't',
  action: 'set-specialisms',
  params,
  userIds: ['u1'],
});

describe('SetSpecialismsHandler', () => {
  it('sets the specialisms back to an empty list (the undo of add-specialisms)', async () => {
    const { handler: h, writes } = handler([testPerson({ specialisms: ['a', 'b'] })]);
    const [outcome] = await h.execute(new SetSpecialisms(work({ specialisms: [] })));
    expect(outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['a', 'b'] });
    expect(writes.map((w) => w.set)).toEqual([{ specialisms: [] }]);
  });

  it('bad params fail every person with the field named', async () => {
    const { handler: h, writes } = handler([testPerson()]);
    const [outcome] = await h.execute(new SetSpecialisms(work({ specialisms: ['x'.repeat(65)] })));
    expect(outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS', message: expect.stringMatching(/^params\.specialisms\.0: /) });
    expect(writes).toEqual([]);
  });
});

describe('SetSpecialismsHandler params', () => {
  it.each([
    [{}, 'params.specialisms'],
    [{ specialisms: ['a'], extra: 1 }, 'params.extra'],
    [{ specialisms: Array.from({ length: 101 }, (_, i) => `s${i}`) }, 'params.specialisms'],
  ])('refuses %j naming %s', async (params, field) => {
    const { handler: h } = handler([testPerson()]);
    const [outcome] = await h.execute(new SetSpecialisms(work(params)));
    expect(outcome.message?.startsWith(`${field}: `)).toBe(true);
  });
});
