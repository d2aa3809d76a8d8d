import { DigestAccumulator, SelectionStreamLine } from '@cohort/contracts';
import { digestOf, selectedIds, selectionLines } from './selection-lines';

async function* from(ids: string[]): AsyncGenerator<string> {
  yield* ids;
}

async function collect(lines: AsyncIterable<string>): Promise<SelectionStreamLine[]> {
  const out: SelectionStreamLine[] = [];
  for await (const line of lines) out.push(JSON.parse(line));
  return out;
}

describe('selection lines', () => {
  const ids = Array.from({ length: 2345 }, (_, i) => `u${i}`);

  it('batches ids per 1000, minus exclusions, then one done line with count and digest', async () => {
    const lines = await collect(selectionLines(selectedIds(from(ids), ['u0', 'u2000', 'nobody'])));
    expect(lines.map((l) => ('ids' in l ? l.ids.length : 'done'))).toEqual([1000, 1000, 343, 'done']);
    const expected = new DigestAccumulator();
    ids.filter((id) => id !== 'u0' && id !== 'u2000').forEach((id) => expected.add(id));
    expect(lines[3]).toEqual({ done: true, count: 2343, digest: expected.digest });
    expect(await digestOf(selectedIds(from(ids), ['u0', 'u2000']))).toEqual({ count: 2343, digest: expected.digest });
  });

  it('an empty selection is just the done line', async () => {
    expect(await collect(selectionLines(from([])))).toEqual([{ done: true, count: 0, digest: '0'.repeat(64) }]);
  });
});
