import { DigestAccumulator, SELECTION_STREAM_BATCH } from '@cohort/contracts';
import { IdentityClient } from '../clients/identity.client';
import { Chunk, GEN_SPAN } from '../jobs/chunk.schema';
import { ChunksRepository } from '../jobs/chunks.repository';
import { Job } from '../jobs/job.schema';
import { sagaFor } from '../sagas';
import { S } from './chunk-state';

/** A run of selected people that share the same step params (all of them, except in undo jobs). */
export interface SelectionBatch {
  ids: string[];
  params?: Record<string, unknown>;
}

export interface ResolutionDeps {
  identity: IdentityClient;
  chunks: ChunksRepository;
  /** reads another job (the one an undo or retry job derives from) */
  findJob: (jobId: string) => Promise<Job | null>;
}

/**
 * Streams a job's selection in batches: explicit ids (deduplicated, minus exclusions), a filter (or an
 * uploaded people file's rows) resolved by identity through one cursor, or the people of an earlier job (undo: each person's prior
 * value; retry: the people who failed). Nothing holds the whole selection in memory.
 */
export async function* selectionBatches(job: Job, deps: ResolutionDeps): AsyncGenerator<SelectionBatch> {
  if (job.undoOf || job.retryOf) return yield* earlierJobBatches(job, deps);
  const { userIds, filter, importId, excludeIds } = job.selection;
  if (userIds) {
    const excluded = new Set(excludeIds ?? []);
    const unique = [...new Set(userIds)].filter((id) => !excluded.has(id));
    for (let i = 0; i < unique.length; i += SELECTION_STREAM_BATCH) yield { ids: unique.slice(i, i + SELECTION_STREAM_BATCH) };
    return;
  }
  const spec = importId !== undefined ? { importId } : { filter: filter! };
  for await (const line of deps.identity.stream(job.tenantId, { ...spec, ...(excludeIds && { excludeIds }) })) {
    if ('ids' in line && line.ids.length) yield { ids: line.ids };
  }
}

async function* earlierJobBatches(job: Job, deps: ResolutionDeps): AsyncGenerator<SelectionBatch> {
  const source = await deps.findJob((job.undoOf ?? job.retryOf)!);
  if (!source) return;
  const saga = sagaFor(source.action);
  const groups = new Map<string, SelectionBatch>();
  for await (const chunk of deps.chunks.each(source._id, source.gen * GEN_SPAN, source.chunkCount)) {
    for (let i = 0; i < chunk.ids.length; i++) {
      const batch = job.undoOf ? undoOf(source, chunk, i, saga?.inverse) : retryOf(source, chunk, i);
      if (!batch) continue;
      const key = JSON.stringify(batch.params ?? null);
      const group = groups.get(key) ?? { ids: [], params: batch.params };
      group.ids.push(chunk.ids[i]);
      groups.set(key, group);
      if (group.ids.length >= SELECTION_STREAM_BATCH) {
        groups.delete(key);
        yield group;
      }
    }
  }
  yield* groups.values();
}

function undoOf(source: Job, chunk: Chunk, i: number, inverse: NonNullable<ReturnType<typeof sagaFor>>['inverse']): SelectionBatch | undefined {
  if (chunk.st[i] !== S.succeeded || !inverse || chunk.b[i] === null || chunk.b[i] === undefined) return undefined;
  const job = inverse(chunk.params ?? source.params, chunk.b[i], source._id);
  return job ? { ids: [], params: job.params } : undefined;
}

function retryOf(source: Job, chunk: Chunk, i: number): SelectionBatch | undefined {
  return chunk.st[i] === S.failed ? { ids: [], params: chunk.params } : undefined;
}

/**
 * Cuts the selection into chunk documents of `chunkSize` people (one per params group) as it streams,
 * calling `onChunk` after each is stored so dispatch can start before resolution ends. The chunks stored
 * once the stream has ended come with the selection's final count.
 */
export async function resolveIntoChunks(
  job: Job,
  deps: ResolutionDeps,
  onChunk: (chunk: Chunk, finalCount?: number) => void,
  shouldStop: () => boolean = () => false,
): Promise<{ count: number; digest: string; chunkCount: number; stopped: boolean }> {
  const digest = new DigestAccumulator();
  const buffers = new Map<string, SelectionBatch>();
  let next = 0;
  const store = async (ids: string[], params?: Record<string, unknown>, finalCount?: number) => {
    const chunk = await deps.chunks.create(job._id, job.gen * GEN_SPAN + next++, ids, params);
    onChunk(chunk, finalCount);
  };
  for await (const batch of selectionBatches(job, deps)) {
    if (shouldStop()) return { count: digest.count, digest: digest.digest, chunkCount: next, stopped: true };
    const key = JSON.stringify(batch.params ?? null);
    const buffer = buffers.get(key) ?? { ids: [], params: batch.params };
    buffers.set(key, buffer);
    for (const id of batch.ids) {
      digest.add(id);
      buffer.ids.push(id);
      if (buffer.ids.length === job.chunkSize) await store(buffer.ids.splice(0), buffer.params);
    }
  }
  for (const buffer of buffers.values()) if (buffer.ids.length) await store(buffer.ids, buffer.params, digest.count);
  return { count: digest.count, digest: digest.digest, chunkCount: next, stopped: false };
}
