/** The people collection of the bench: seeding, the raw driver baseline and the final check. */
import { AnyBulkWriteOperation, Collection, MongoClient } from 'mongodb';
import { PERSON_INDEXES } from '../../apps/identity/src/people/person.indexes';
import { personDoc } from '../../test/support/system';

export type PersonDoc = ReturnType<typeof personDoc>;

/** Same as apps/identity/src/people/person.schema.ts and people.repository.ts. */
export const OPS_KEPT = 50;
const READ_CONCURRENCY = 16;
const SEED_BATCH = 5000;

/**
 * identity's indexes exactly as its schema declares them, created before seeding: identity's start-up
 * then finds every one and builds none over N documents (on FerretDB, building the directory filters'
 * indexes over 1,000,000 people at identity's start held up its reads, and so the job's acceptance, ~1 min).
 */
export async function createPeopleIndexes(coll: Collection<PersonDoc>): Promise<void> {
  for (const [keys, options] of PERSON_INDEXES) await coll.createIndex(keys, options ?? {});
}

/**
 * The tenant's owners list (identity's `tenants` document) for the seeded Owner, as identity keeps it
 * for any existing tenant; without it identity's first chunk scans all N people to build it (the
 * last-Owner guard), which a seeded-by-driver tenant would pay once per run.
 */
export async function seedOwnersList(coll: Collection<PersonDoc>, tenantId: string, ownerIds: string[]): Promise<void> {
  await coll.db
    .collection<{ _id: string; owners: string[] }>('tenants')
    .updateOne({ _id: tenantId }, { $set: { owners: ownerIds } }, { upsert: true });
}

export const userIdOf = (i: number) => `p${String(i).padStart(6, '0')}`;

/** The Owner `owner` (when asked) and N active Learners, inserted 5,000 at a time, unordered. */
export async function seedPeople(coll: Collection<PersonDoc>, tenantId: string, n: number, withOwner: boolean): Promise<number> {
  const t0 = Date.now();
  if (withOwner) await coll.insertOne(personDoc(tenantId, 'owner', { role: 'Owner' }));
  for (let i = 0; i < n; i += SEED_BATCH) {
    const docs = Array.from({ length: Math.min(SEED_BATCH, n - i) }, (_, j) => personDoc(tenantId, userIdOf(i + j)));
    await coll.insertMany(docs, { ordered: false });
  }
  return Date.now() - t0;
}

export interface BaselinePass {
  /** read every person of a chunk by `_id` (16 in parallel) before its bulk write, as identity does */
  reads: boolean;
  language: string;
  opKey: string;
  chunkSize: number;
  /** chunks handled at once (identity handles up to 3 partitions, i.e. chunks, at a time) */
  concurrency: number;
}

export interface BaselineResult {
  ms: number;
  personsPerSecond: number;
  readMs: number;
  writeMs: number;
  found: number;
  modified: number;
}

/**
 * What identity does to a chunk of `change-language`, straight through the driver: optionally the
 * point reads (`findOne({_id})`, 16 at a time, what `PeopleRepository.findMany` sends through
 * mongoose), then ONE ordered bulkWrite of `updateOne` per person with the update
 * `PeopleRepository.apply` sends (mongoose's timestamps add `updatedAt` and `$setOnInsert.createdAt`).
 */
export async function baselinePass(coll: Collection<PersonDoc>, tenantId: string, n: number, pass: BaselinePass): Promise<BaselineResult> {
  const chunks = Math.ceil(n / pass.chunkSize);
  let nextChunk = 0;
  let readMs = 0;
  let writeMs = 0;
  let found = 0;
  let modified = 0;
  const doChunk = async (c: number) => {
    const ids: string[] = [];
    for (let i = c * pass.chunkSize; i < Math.min(n, (c + 1) * pass.chunkSize); i++) ids.push(userIdOf(i));
    if (pass.reads) {
      const r0 = Date.now();
      let next = 0;
      const worker = async () => {
        while (next < ids.length) {
          const userId = ids[next++];
          const doc = await coll.findOne({ _id: `${tenantId}:${userId}` });
          if (doc && doc.tenantId === tenantId) found++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker));
      readMs += Date.now() - r0;
    }
    const w0 = Date.now();
    const now = new Date();
    const ops: AnyBulkWriteOperation<PersonDoc>[] = ids.map((userId) => ({
      updateOne: {
        filter: { _id: `${tenantId}:${userId}` },
        update: {
          $setOnInsert: { createdAt: now },
          $push: { ops: { $each: [{ k: pass.opKey, b: 'en' }], $slice: -OPS_KEPT } },
          $inc: { v: 1 },
          $set: { language: pass.language, updatedAt: now },
        },
      },
    }));
    const res = await coll.bulkWrite(ops, { ordered: true });
    modified += res.modifiedCount;
    writeMs += Date.now() - w0;
  };
  const t0 = Date.now();
  const worker = async () => {
    while (nextChunk < chunks) await doChunk(nextChunk++);
  };
  await Promise.all(Array.from({ length: Math.min(pass.concurrency, chunks) }, worker));
  const ms = Date.now() - t0;
  return { ms, personsPerSecond: round((n / ms) * 1000, 1), readMs, writeMs, found, modified };
}

export interface Verification {
  expected: number;
  matching: number;
  mismatches: number;
  ok: boolean;
  /** a few people that do not match */
  examples: Record<string, unknown>[];
}

/** Every seeded person of the tenant but `except` has the `expected` field values. */
export async function verifyPeople(
  coll: Collection<PersonDoc>,
  tenantId: string,
  n: number,
  expected: Record<string, unknown>,
  except: readonly string[],
): Promise<Verification> {
  const selected = { tenantId, userId: { $nin: [...except] } };
  const matching = await coll.countDocuments({ ...selected, ...expected });
  const projection = Object.fromEntries(['_id', ...Object.keys(expected)].map((k) => [k, 1]));
  const examples =
    matching === n
      ? []
      : await coll
          .find({ ...selected, $or: Object.entries(expected).map(([k, v]) => ({ [k]: { $ne: v } })) }, { projection })
          .limit(10)
          .toArray();
  return { expected: n, matching, mismatches: n - matching, ok: matching === n, examples };
}

/** Drops every database whose name starts with `<dbPrefix>_`. */
export async function dropDatabases(client: MongoClient, dbPrefix: string): Promise<string[]> {
  const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
  const mine = databases.map((d) => d.name).filter((name) => name.startsWith(`${dbPrefix}_`));
  for (const name of mine) await client.db(name).dropDatabase();
  return mine;
}

export function round(x: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
