import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AnyBulkWriteOperation, FilterQuery, Model, UpdateQuery } from 'mongoose';
import { confirmDelivery } from '@cohort/messaging';
import { PeopleQuery } from './people-filter';
import { AppliedOp, Person, personKey } from './person.schema';

const DUPLICATE_KEY = 11000;

/** How many applied-op markers a person keeps (newest last): enough to absorb any redelivery. */
export const OPS_KEPT = 50;

/** Parallel point reads: each is a `{_id}` lookup, which FerretDB serves from its index. */
const READ_CONCURRENCY = 16;

/** Documents per round trip of a selection cursor. */
const CURSOR_BATCH = 1000;

/** The fields a work action may set on a person (never `_id`, `tenantId`, `userId`, `ops` or `v`). */
export type ChangeSet = Partial<Omit<Person, '_id' | 'tenantId' | 'userId' | 'ops' | 'v' | 'createdAt' | 'updatedAt'>>;

export interface PersonChange {
  userId: string;
  set: ChangeSet;
  op: AppliedOp;
}

/** The only place that touches the `people` collection. */
@Injectable()
export class PeopleRepository {
  constructor(@InjectModel(Person.name) private readonly people: Model<Person>) {}

  /** The people of one tenant by user id; ids of other tenants or unknown ids are absent from the map. */
  async findMany(tenantId: string, userIds: string[]): Promise<Map<string, Person>> {
    const found = new Map<string, Person>();
    let next = 0;
    const worker = async () => {
      while (next < userIds.length) {
        const userId = userIds[next++];
        const doc = await this.findOne(tenantId, userId);
        if (doc) found.set(userId, doc);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, userIds.length) }, worker));
    return found;
  }

  /**
   * Straight through the driver: the hottest read of every chunk (one per person), and mongoose's query
   * layer added stack capture and casting to each (CPU profile, BENCHMARKS.md) for a plain `_id` lookup.
   */
  async findOne(tenantId: string, userId: string): Promise<Person | undefined> {
    const doc = (await this.people.collection.findOne({ _id: personKey(tenantId, userId) } as never)) as Person | null;
    return doc && doc.tenantId === tenantId ? doc : undefined;
  }

  /** Up to `limit` matching people of the tenant in `_id` order, after the `_id` `after` if given. */
  page(tenantId: string, query: PeopleQuery, after: string | undefined, limit: number): Promise<Person[]> {
    const ids = { $gt: after ?? `${tenantId}:`, $lt: `${tenantId};` }; // every `<tenantId>:…` key, nothing else
    return this.people
      .find({ ...query, _id: ids })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Person[]>()
      .exec();
  }

  count(query: PeopleQuery): Promise<number> {
    return this.people.countDocuments(query).exec();
  }

  /**
   * The user ids of every matching person through ONE store cursor (never page-by-page re-scans),
   * fetched a batch at a time as the consumer pulls: stopping the iteration closes the cursor.
   */
  async *userIds(query: PeopleQuery): AsyncGenerator<string> {
    const cursor = this.people.find(query, { _id: 0, userId: 1 }).lean<Pick<Person, 'userId'>>().batchSize(CURSOR_BATCH).cursor();
    try {
      for await (const doc of cursor) yield (doc as Pick<Person, 'userId'>).userId;
    } finally {
      await cursor.close();
    }
  }

  /** One scan of the tenant: the user ids of its active Owners (to initialise the owners list). */
  async activeOwnerIds(tenantId: string): Promise<string[]> {
    const docs = await this.people.find({ tenantId, role: 'Owner', status: 'active' }, { _id: 0, userId: 1 }).lean<Pick<Person, 'userId'>[]>().exec();
    return docs.map((d) => d.userId);
  }

  /** One bulk write: each person's fields plus the applied-op marker, atomically per document. */
  async apply(tenantId: string, changes: PersonChange[]): Promise<void> {
    if (changes.length === 0) return;
    const ops: AnyBulkWriteOperation<Person>[] = changes.map((c) => ({
      updateOne: {
        filter: { _id: personKey(tenantId, c.userId) },
        update: { $set: c.set, $inc: { v: 1 }, $push: { ops: { $each: [c.op], $slice: -OPS_KEPT } } },
      },
    }));
    await confirmDelivery();
    await this.people.bulkWrite(ops, { ordered: true });
  }

  /**
   * Sets lists copied from another service's PersonFacts unless a newer copy of that kind (`factsAt.<slot>`)
   * is stored already (a person the tenant does not have is left alone). No `v` bump and no op marker:
   * these are not work-action writes. Read and written by `_id` alone (a condition beside
   * `_id` makes FerretDB 1.x decode the whole people collection for every message); the check needs no
   * conditional write because one person's facts are keyed by that person, so one consumer applies them
   * one after another, and a consumer its group has dropped writes nothing (confirmDelivery).
   */
  async setFacts(tenantId: string, userId: string, slot: 'groups' | 'courses', at: Date, set: Record<string, string[]>): Promise<void> {
    const _id = personKey(tenantId, userId); // the tenant is part of the key: another tenant's person is never read
    const stored = (await this.people.collection.findOne({ _id } as never, { projection: { factsAt: 1 } })) as Pick<Person, 'factsAt'> | null;
    if (!stored || !isNewerFacts(stored.factsAt?.[slot], at)) return;
    await confirmDelivery();
    await this.people.updateOne({ _id }, { $set: { ...set, [`factsAt.${slot}`]: at } }).exec();
  }

  /**
   * One person's single-document conditional update (`where` adds conditions to the `_id` match, e.g. an
   * unused, unexpired token hash): the updated person, or undefined when nothing matched.
   */
  async updateWhere(tenantId: string, userId: string, where: FilterQuery<Person>, update: UpdateQuery<Person>): Promise<Person | undefined> {
    const doc = await this.people
      .findOneAndUpdate({ ...where, _id: personKey(tenantId, userId) }, { ...update, $inc: { v: 1, ...(update.$inc ?? {}) } }, { new: true })
      .lean<Person>()
      .exec();
    return doc ?? undefined;
  }

  /**
   * Inserts new people (unordered, one document each). Returns the user ids refused because the `_id`
   * or the tenant's e-mail exists already (duplicate key); every other error is thrown.
   */
  async insertMany(people: Array<Partial<Person> & Pick<Person, '_id' | 'tenantId' | 'userId' | 'email' | 'role'>>): Promise<Set<string>> {
    const refused = new Set<string>();
    if (people.length === 0) return refused;
    try {
      await this.people.insertMany(people, { ordered: false });
    } catch (err) {
      const writeErrors = (err as { writeErrors?: Array<{ code?: number; index?: number; err?: { code?: number; index?: number } }> }).writeErrors;
      if (!writeErrors) throw err;
      for (const e of writeErrors) {
        const code = e.code ?? e.err?.code;
        const index = e.index ?? e.err?.index;
        if (code !== DUPLICATE_KEY || index === undefined) throw err;
        refused.add(people[index].userId);
      }
    }
    return refused;
  }

  /** Erases people for good (the last step of `delete`). */
  async erase(tenantId: string, userIds: string[]): Promise<void> {
    if (userIds.length) await this.people.deleteMany({ _id: { $in: userIds.map((id) => personKey(tenantId, id)) } }).exec();
  }
}

/** Pure: facts dated `at` replace a copy dated `stored` (none yet, or not newer; equal dates re-apply harmlessly). */
export function isNewerFacts(stored: Date | undefined, at: Date): boolean {
  return !stored || new Date(stored).getTime() <= at.getTime();
}
