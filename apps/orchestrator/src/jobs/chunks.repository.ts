import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Collection, Model } from 'mongoose';
import { ItemCounts } from '@cohort/contracts';
import { countStates, isDone, newChunkState } from '../engine/chunk-state';
import { Chunk, chunkKey } from './chunk.schema';

const READ_CONCURRENCY = 16;

/** What the engine keeps in memory of every chunk of a running job. */
export interface ChunkSummary {
  no: number;
  n: ItemCounts;
  done: boolean;
  /** sent at least once (counts toward the job's in-flight window until done) */
  started: boolean;
}

/** The only place that touches the `chunks` collection; driver-level calls on the hot path (no per-field casting). */
@Injectable()
export class ChunksRepository {
  private readonly chunks: Collection<Chunk>;

  constructor(@InjectModel(Chunk.name) model: Model<Chunk>) {
    this.chunks = model.collection as unknown as Collection<Chunk>;
  }

  /** Creates a chunk of people not yet sent anywhere. */
  async create(jobId: string, no: number, ids: string[], params?: Record<string, unknown>): Promise<Chunk> {
    const state = newChunkState(ids);
    const doc: Chunk = { _id: chunkKey(jobId, no), jobId, no, ...(params && { params }), ...state, n: countStates(state), done: false };
    await this.chunks.replaceOne({ _id: doc._id }, { ...doc, b: boxed(doc.b) }, { upsert: true });
    return doc;
  }

  async load(jobId: string, no: number): Promise<Chunk | null> {
    return unboxed(await this.chunks.findOne({ _id: chunkKey(jobId, no) }));
  }

  /** Writes the chunk's state back (one single-document update) and returns its counts. */
  async save(chunk: Chunk): Promise<ItemCounts> {
    const n = countStates(chunk);
    const done = isDone(chunk);
    chunk.n = n;
    chunk.done = done;
    const { st, k, a, w, b, e, h = {}, d, inflight } = chunk;
    await this.chunks.updateOne({ _id: chunk._id }, { $set: { st, k, a, w, b: boxed(b), e, h, d, inflight, n, done } });
    return n;
  }

  /** Summaries of chunks `from` .. `from + count - 1`, read by `_id` in parallel. */
  async summaries(jobId: string, from: number, count: number): Promise<ChunkSummary[]> {
    const out: ChunkSummary[] = new Array(count);
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const doc = await this.chunks.findOne({ _id: chunkKey(jobId, from + i) }, { projection: { n: 1, done: 1, d: 1 } });
        if (!doc) throw new Error(`chunk ${chunkKey(jobId, from + i)} is missing`);
        out[i] = { no: from + i, n: doc.n, done: doc.done, started: doc.d > 0 };
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, count) }, worker));
    return out;
  }

  /** Every chunk of the range, in order, one at a time (the items page, CSV export, undo and retry read through this). */
  async *each(jobId: string, from: number, count: number, projection?: Record<string, 0 | 1>): AsyncGenerator<Chunk> {
    const ahead = 4;
    const reads: Promise<Chunk | null>[] = [];
    for (let i = 0; i < count; i++) {
      while (reads.length < ahead && i + reads.length < count) {
        reads.push(this.chunks.findOne({ _id: chunkKey(jobId, from + i + reads.length) }, projection ? { projection } : {}));
      }
      const doc = unboxed(await reads.shift()!);
      if (doc) yield doc;
    }
  }

  /** Removes every chunk of a job (drafts that lapsed, generations replaced after a restart). */
  async removeJob(jobId: string, keepFrom?: number): Promise<void> {
    await this.chunks.deleteMany(keepFrom === undefined ? { jobId } : { jobId, no: { $lt: keepFrom } });
  }
}

/**
 * Prior values are stored boxed (`{v}`): a prior value that is itself a list (labels, specialisms) would
 * otherwise make `b` an array of arrays, which FerretDB 1.x refuses ("nested arrays are not supported").
 */
function boxed(b: unknown[]): { v: unknown }[] {
  return b.map((v) => ({ v: v ?? null }));
}

function unboxed(doc: Chunk | null): Chunk | null {
  if (doc?.b) doc.b = (doc.b as ({ v: unknown } | null)[]).map((box) => box?.v ?? null);
  return doc;
}
