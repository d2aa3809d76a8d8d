import { DigestAccumulator, SELECTION_STREAM_BATCH, SelectionDigest, SelectionStreamLine } from '@cohort/contracts';

/** The ids of a selection: every matching id minus the exclusions, as they come. */
export async function* selectedIds(matching: AsyncIterable<string>, excludeIds: readonly string[] = []): AsyncGenerator<string> {
  const excluded = new Set(excludeIds);
  for await (const userId of matching) if (!excluded.has(userId)) yield userId;
}

/** NDJSON of the selection stream: `{"ids":[…]}` lines of up to SELECTION_STREAM_BATCH ids, then the `done` line. */
export async function* selectionLines(ids: AsyncIterable<string>): AsyncGenerator<string> {
  const digest = new DigestAccumulator();
  let batch: string[] = [];
  for await (const userId of ids) {
    digest.add(userId);
    batch.push(userId);
    if (batch.length === SELECTION_STREAM_BATCH) {
      yield line({ ids: batch });
      batch = [];
    }
  }
  if (batch.length > 0) yield line({ ids: batch });
  yield line({ done: true, count: digest.count, digest: digest.digest });
}

export async function digestOf(ids: AsyncIterable<string>): Promise<SelectionDigest> {
  const digest = new DigestAccumulator();
  for await (const userId of ids) digest.add(userId);
  return { count: digest.count, digest: digest.digest };
}

function line(value: SelectionStreamLine): string {
  return `${JSON.stringify(value)}\n`;
}
