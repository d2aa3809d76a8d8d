/** `npm run seed`: writes the demo tenant into the identity, membership and learning databases (once). */
import { Db, MongoBulkWriteError, MongoClient } from 'mongodb';
import { buildDemoTenant, DEMO_PEOPLE, DEMO_TENANT, userIdOf } from './demo-data';

export interface SeedOptions {
  dbPrefix?: string;
  tenantId?: string;
  people?: number;
  /** The date the demo data is relative to (default: today, 00:00 UTC). */
  now?: Date;
  log?: (line: string) => void;
}

export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
}

const BATCH = 1000;
const DUPLICATE_KEY = 11000;

/**
 * Seeds the demo tenant unless its first person already exists. People are written last, the
 * first person at the very end, so a seed that died half-way is completed by the next run.
 */
export async function seedDemo(mongoUrl: string, options: SeedOptions = {}): Promise<SeedResult> {
  const { dbPrefix = process.env.MONGO_DB_PREFIX ?? 'cohort', tenantId = DEMO_TENANT, people = DEMO_PEOPLE } = options;
  const log = options.log ?? (() => undefined);
  const client = await new MongoClient(mongoUrl).connect();
  try {
    const db = (name: string) => client.db(`${dbPrefix}_${name}`);
    const marker = `${tenantId}:${userIdOf(0, people)}`;
    if (
      await db('identity')
        .collection('people')
        .findOne({ _id: marker as never }, { projection: { _id: 1 } })
    ) {
      log(`demo tenant already seeded (${dbPrefix}_identity.people has ${marker})`);
      return { seeded: false, counts: {} };
    }
    const started = Date.now();
    const tenant = buildDemoTenant(tenantId, people, options.now ?? startOfDayUtc(new Date()));
    const counts = {
      groups: await insertAll(db('membership'), 'groups', tenant.groups),
      memberships: await insertAll(db('membership'), 'memberships', tenant.memberships),
      courses: await insertAll(db('learning'), 'courses', tenant.courses),
      content: await insertAll(db('learning'), 'content', tenant.content),
      learners: await insertAll(db('learning'), 'learners', tenant.enrolments),
      people: await insertAll(db('identity'), 'people', [...tenant.people].reverse()),
    };
    const summary = Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    log(`seeded demo tenant "${tenantId}" (${summary}) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return { seeded: true, counts };
  } finally {
    await client.close();
  }
}

/** insertMany in batches of 1000, unordered; documents that already exist (duplicate _id) are kept as they are. */
async function insertAll(db: Db, collection: string, docs: ReadonlyArray<{ _id: string }>): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < docs.length; i += BATCH) {
    inserted += await insertBatch(db, collection, docs.slice(i, i + BATCH));
  }
  return inserted;
}

async function insertBatch(db: Db, collection: string, docs: ReadonlyArray<{ _id: string }>): Promise<number> {
  try {
    const result = await db.collection(collection).insertMany(docs as never[], { ordered: false });
    return result.insertedCount;
  } catch (err) {
    if (err instanceof MongoBulkWriteError && onlyDuplicates(err)) return err.insertedCount;
    throw err;
  }
}

function onlyDuplicates(err: MongoBulkWriteError): boolean {
  const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
  return errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY) && !err.writeConcernError;
}

function startOfDayUtc(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

if (require.main === module) {
  const url = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27018/';
  seedDemo(url, { log: (line) => process.stdout.write(`[seed] ${line}\n`) }).catch((err: unknown) => {
    process.stderr.write(`[seed] failed against ${url}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
