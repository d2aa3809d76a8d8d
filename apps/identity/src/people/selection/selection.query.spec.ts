import { SelectionDigest } from '@cohort/contracts';
import { StagedInviteesRepository } from '../../imports/staged-invitees.repository';
import { PeopleRepository } from '../people.repository';
import { DigestSelection, DigestSelectionHandler, StreamSelection, StreamSelectionHandler } from './selection.query';
import { digestOf, selectedIds } from './selection-lines';

async function* from(ids: string[]): AsyncGenerator<string> {
  yield* ids;
}

const people = { userIds: () => from(['p1', 'p2']) } as unknown as PeopleRepository;
const staged = {
  userIds: (tenantId: string, importId: string) => from([`imp-${importId}-2`, `imp-${importId}-3`, `imp-${importId}-5`]),
} as unknown as StagedInviteesRepository;

describe('selection of an uploaded file (spec.importId)', () => {
  it('streams the import’s user ids minus exclusions, with the same lines as a filter', async () => {
    const lines = await new StreamSelectionHandler(people, staged).execute(new StreamSelection('t', { importId: 'abc', excludeIds: ['imp-abc-3'] }));
    const parsed = (await lines.toArray())
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const expected: SelectionDigest = await digestOf(selectedIds(from(['imp-abc-2', 'imp-abc-5'])));
    expect(parsed).toEqual([{ ids: ['imp-abc-2', 'imp-abc-5'] }, { done: true, ...expected }]);
  });

  it('digests the import’s user ids; a filter still selects people', async () => {
    const handler = new DigestSelectionHandler(people, staged);
    expect((await handler.execute(new DigestSelection('t', { importId: 'abc' }))).count).toBe(3);
    expect((await handler.execute(new DigestSelection('t', { filter: {} }))).count).toBe(2);
  });
});
