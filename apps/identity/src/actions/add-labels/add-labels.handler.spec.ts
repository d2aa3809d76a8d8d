import { Person } from '../../people/person.schema';
import { recordingPeople, testPerson, testWork } from '../test-person';
import { AddLabels, AddLabelsHandler } from './add-labels.handler';

function handler(people: Person[]) {
  const { repo, writes } = recordingPeople(people);
  return { handler: new AddLabelsHandler(repo), writes };
}

const work = (params: Record<string, unknown>) => testWork('add-labels', params);

describe('AddLabelsHandler', () => {
  it('adds the labels the person lacks', async () => {
    const { handler: h, writes } = handler([testPerson({ labels: ['a'] })]);
    const [outcome] = await h.execute(new AddLabels(work({ labels: ['b', 'a'] })));
    expect(outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['a'] });
    expect(writes.map((w) => w.set)).toEqual([{ labels: ['a', 'b'] }]);
  });

  it('bad params fail every person with the field named', async () => {
    const { handler: h, writes } = handler([testPerson()]);
    const [outcome] = await h.execute(new AddLabels(work({ labels: [] })));
    expect(outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS', message: expect.stringMatching(/^params\.labels: /) });
    expect(writes).toEqual([]);
  });
});
