import { Person } from '../../people/person.schema';
import { recordingPeople, testPerson, testWork } from '../test-person';
import { SetSpecialisms, SetSpecialismsHandler } from './set-specialisms.handler';

function handler(people: Person[]) {
  const { repo, writes } = recordingPeople(people);
  return { handler: new SetSpecialismsHandler(repo), writes };
}

const work = (params: Record<string, unknown>) => testWork('set-specialisms', params);

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
