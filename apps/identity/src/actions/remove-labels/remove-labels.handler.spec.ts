import { WorkChunk } from '@cohort/contracts';
import { PeopleRepository, PersonChange } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { testPerson } from '../test-person';
import { RemoveLabels, RemoveLabelsHandler } from './remove-labels.handler';

function handler(people: Person[]) {
  const writes: PersonChange[] = [];
  const repo = {
    findMany: async (_t: string, ids: string[]) => new Map(people.filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p])),
    apply: async (_t: string, changes: PersonChange[]) => void writes.push(...changes),
  } as unknown as PeopleRepository;
  return { handler: new RemoveLabelsHandler(repo), writes };
}

const work = (params: Record<string, unknown>): WorkChunk => ({
  jobId: 'j',
  step: 0,
  chunk: 0,
  attempt: 1,
  tenantId: 't',
  action: 'remove-labels',
  params,
  userIds: ['u1'],
});

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
