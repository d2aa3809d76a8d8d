import { Person } from '../../people/person.schema';
import { recordingPeople, testPerson, testWork } from '../test-person';
import { AddSpecialisms, AddSpecialismsHandler } from './add-specialisms.handler';

function handler(people: Person[]) {
  const { repo, writes } = recordingPeople(people);
  return { handler: new AddSpecialismsHandler(repo), writes };
}

const work = (params: Record<string, unknown>) => testWork('add-specialisms', params);

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
