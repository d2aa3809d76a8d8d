/**
 * The chaos run's tenant: who is in it and what each service holds about them before the jobs, so that
 * verify.ts can compare every collection with exactly what the jobs must have made of it.
 *
 * - `owner`: the Owner who runs both jobs (and gets their completion notices).
 * - N Learners `p000000…`: the deactivate job's people. Each has, in learning, a completed and an
 *   in-progress enrolment, an open and a done task, an upcoming and a past event enrolment; every 10th
 *   has a pending message in communications' outbox (to be held), every 10th + 5 an old sent one.
 * - M Managers `m000000…`: the notification job's people (an e-mail copy each). They have the same
 *   learning record and every 10th a pending message: the deactivate job must not touch any of it.
 */
import { Collection, Db, MongoClient } from 'mongodb';
import { personDoc } from '../../test/support/system';
import { createPeopleIndexes, PersonDoc, seedPeople, userIdOf } from '../engine/store';

export const OWNER = 'owner';
export const managerId = (i: number) => `m${String(i).padStart(6, '0')}`;
export { userIdOf as learnerId };

const DAY = 86_400_000;
const BATCH = 5000;
/** an earlier job whose messages sit in the outbox (a retry after a transient SMTP failure that never came) */
export const EARLIER_JOB = 'earlier-job';

export const seededPending = (i: number) => i % 10 === 0;
export const seededSent = (i: number) => i % 10 === 5;

export const outboxIdOf = (tenantId: string, jobId: string, step: number | string, userId: string) => `${tenantId}:${jobId}:${step}:${userId}`;

/** The learning record every seeded person starts with (dates fixed per run, so verify can compare them). */
export function learnerRecord(tenantId: string, userId: string, at: Date) {
  const t = at.getTime();
  return {
    _id: `${tenantId}:${userId}`,
    tenantId,
    userId,
    enrolments: [
      {
        courseId: 'c-done',
        status: 'completed',
        attempt: 1,
        enrolledAt: new Date(t - 90 * DAY),
        completedAt: new Date(t - 60 * DAY),
        source: 'manual',
      },
      { courseId: 'c-now', status: 'in-progress', attempt: 1, enrolledAt: new Date(t - 10 * DAY), source: 'manual' },
    ],
    tasks: [
      { taskId: 't-open', title: 'Open task', status: 'open', createdAt: new Date(t - 5 * DAY), jobId: EARLIER_JOB },
      { taskId: 't-done', title: 'Done task', status: 'done', createdAt: new Date(t - 50 * DAY), jobId: EARLIER_JOB },
    ],
    eventEnrolments: [
      { eventId: 'e-next', title: 'Upcoming event', startsAt: new Date(t + 30 * DAY) },
      { eventId: 'e-past', title: 'Past event', startsAt: new Date(t - 30 * DAY) },
    ],
    contentShares: [],
    ops: [] as unknown[],
  };
}

/** A message of the earlier job in the outbox: pending (released after a transient failure) or sent long ago. */
export function outboxRecord(tenantId: string, userId: string, status: 'pending' | 'sent', at: Date) {
  return {
    _id: outboxIdOf(tenantId, EARLIER_JOB, 1, userId),
    tenantId,
    userId,
    jobId: EARLIER_JOB,
    step: 1,
    kind: 'notification',
    to: `${userId}@${tenantId}.test`,
    language: 'en',
    subject: 'Earlier message',
    status,
    attempts: 1,
    claimedUntil: null,
    sentAt: status === 'sent' ? at : null,
    messageId: status === 'sent' ? '<earlier@chaos>' : null,
    error: status === 'pending' ? '421 try again later (seeded)' : null,
    createdAt: at,
  };
}

export interface Seeded {
  people: number;
  learners: number;
  outbox: number;
  ms: number;
  /** the moment the seeded dates are relative to */
  at: Date;
}

async function insertInBatches<T>(n: number, make: (i: number) => T | undefined, insert: (docs: T[]) => Promise<unknown>): Promise<number> {
  let count = 0;
  for (let i = 0; i < n; i += BATCH) {
    const docs: T[] = [];
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      const doc = make(j);
      if (doc) docs.push(doc);
    }
    if (docs.length) await insert(docs);
    count += docs.length;
  }
  return count;
}

export function databases(mongo: MongoClient, dbPrefix: string): Record<'identity' | 'learning' | 'communications' | 'orchestrator', Db> {
  const db = (service: string) => mongo.db(`${dbPrefix}_${service}`);
  return { identity: db('identity'), learning: db('learning'), communications: db('communications'), orchestrator: db('orchestrator') };
}

/** Seeds identity, learning and communications for the run's tenant (unordered bulk inserts of 5,000). */
export async function seedTenant(mongo: MongoClient, dbPrefix: string, tenantId: string, n: number, m: number): Promise<Seeded> {
  const t0 = Date.now();
  const at = new Date();
  const dbs = databases(mongo, dbPrefix);
  const people = dbs.identity.collection<PersonDoc>('people');
  await createPeopleIndexes(people);
  await seedPeople(people, tenantId, n, true);
  await insertInBatches(
    m,
    (i) => personDoc(tenantId, managerId(i), { role: 'Manager' }),
    (docs) => people.insertMany(docs, { ordered: false }),
  );
  const learners = dbs.learning.collection('learners') as Collection<ReturnType<typeof learnerRecord>>;
  const learnerCount =
    (await insertInBatches(
      n,
      (i) => learnerRecord(tenantId, userIdOf(i), at),
      (docs) => learners.insertMany(docs, { ordered: false }),
    )) +
    (await insertInBatches(
      m,
      (i) => learnerRecord(tenantId, managerId(i), at),
      (docs) => learners.insertMany(docs, { ordered: false }),
    ));
  const outbox = dbs.communications.collection('outbox') as Collection<ReturnType<typeof outboxRecord>>;
  const byPerson = dbs.communications.collection('outbox_by_person') as Collection<{ _id: string; tenantId: string; userId: string; ids: string[] }>;
  // as communications writes them: a pending message's id in its person's entry of outbox_by_person
  const insertOutbox = async (docs: ReturnType<typeof outboxRecord>[]) => {
    const pending = docs.filter((d) => d.status === 'pending');
    if (pending.length > 0) {
      await byPerson.insertMany(
        pending.map((d) => ({ _id: `${d.tenantId}:${d.userId}`, tenantId: d.tenantId, userId: d.userId, ids: [d._id] })),
        { ordered: false },
      );
    }
    await outbox.insertMany(docs, { ordered: false });
  };
  const outboxCount =
    (await insertInBatches(
      n,
      (i) =>
        seededPending(i)
          ? outboxRecord(tenantId, userIdOf(i), 'pending', at)
          : seededSent(i)
            ? outboxRecord(tenantId, userIdOf(i), 'sent', at)
            : undefined,
      insertOutbox,
    )) + (await insertInBatches(m, (i) => (seededPending(i) ? outboxRecord(tenantId, managerId(i), 'pending', at) : undefined), insertOutbox));
  return { people: n + m + 1, learners: learnerCount, outbox: outboxCount, ms: Date.now() - t0, at };
}
