import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AnyBulkWriteOperation, Model } from 'mongoose';
import { AppliedOp, Person, personKey } from './person.schema';

/** How many applied-op markers a person keeps (newest last): enough to absorb any redelivery. */
export const OPS_KEPT = 50;

/** Parallel point reads: each is a `{_id}` lookup, which FerretDB serves from its index. */
const READ_CONCURRENCY = 16;

export interface PersonChange {
  userId: string;
  set: Partial<Pick<Person, 'role' | 'language' | 'status' | 'country' | 'labels' | 'specialisms'>>;
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
        const doc = await this.people.findById(personKey(tenantId, userId)).lean<Person>().exec();
        if (doc && doc.tenantId === tenantId) found.set(userId, doc);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, userIds.length) }, worker));
    return found;
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
    await this.people.bulkWrite(ops, { ordered: true });
  }
}
