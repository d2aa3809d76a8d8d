import { Person } from '../../people/person.schema';
import { recordingPeople, testPerson, testWork } from '../test-person';
import { RemoveLabels, RemoveLabelsHandler } from './remove-labels.handler';

function handler(people: Person[]) {
  const { repo, writes } = recordingPeople(people);
  return { handler: new RemoveLabelsHandler(repo), writes };
}

const work = (params: Record<string, unknown>) => testWork('remove-labels', params);

describe('RemoveLabelsHandler', () => {
  it('removes the labels the person carries', async () => {
    const { handler: h, writes } = handler([testPerson({ labels: ['a', 'b'] })]);
    const [outcome] = await h.execute(new RemoveLabels(work({ labels: ['a', 'x'] })));
    expect(outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['a', 'b'] });
    expect(writes.map((w) => w.set)).toEqual([{ labels: ['b'] }]);
  });

  it('bad params fail every person with the field named', async () => {
    const { handler: h, writes } = handler([testPerson()]);
    const [outcome] = await h.execute(new RemoveLabels(work({ labels: [''] })));
    expect(outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS', message: expect.stringMatching(/^params\.labels\.0: /) });
    expect(writes).toEqual([]);
  });
});
