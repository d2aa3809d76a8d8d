import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { Deferral, OutboxMessage } from './outbox-message';

const DUPLICATE_KEY = 11000;
/** The most recent message ids a person's entry in `outbox_by_person` keeps (pending ones are the newest by far). */
export const PERSON_IDS_KEPT = 100;
/** People whose messages hold-messages looks up at once. */
const HOLD_CONCURRENCY = 8;

/** One person's entry in `outbox_by_person`: the ids of their messages that may still be pending. */
export interface OutboxByPerson {
  /** `<tenantId>:<userId>` */
  _id: string;
  tenantId: string;
  userId: string;
  ids: string[];
}

type Addressee = Pick<OutboxMessage, '_id' | 'tenantId' | 'userId'>;

/**
 * The only place that touches `outbox` and `outbox_by_person` (erase-person aside, which deletes by person).
 *
 * `outbox_by_person` finds a person's pending messages by `_id` alone: FerretDB 1.x serves nothing else from
 * an index, and an `updateMany` by `userId` decoded the whole outbox for every chunk of a deactivate job
 * (about 4 s per chunk at 30,000 messages: the chaos run's deactivate crawled at ~27 persons/s). An id is
 * added before its message is written (a crash in between leaves an id to nothing, which is harmless) and
 * taken out once the message is sent, failed or held.
 */
@Injectable()
export class OutboxRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get outbox(): mongo.Collection<OutboxMessage> {
    return this.connection.collection<OutboxMessage>('outbox');
  }

  private get byPerson(): mongo.Collection<OutboxByPerson> {
    return this.connection.collection<OutboxByPerson>('outbox_by_person');
  }

  /**
   * Adds the message, claimed by the caller until `claimedUntil`, and returns it with `created` true; when
   * its `_id` is there already (a redelivered chunk) returns the stored one untouched with `created` false.
   */
  async create(message: OutboxMessage): Promise<{ created: boolean; message: OutboxMessage }> {
    await this.byPerson.updateOne(
      { _id: personKey(message) },
      { $setOnInsert: { tenantId: message.tenantId, userId: message.userId }, $push: { ids: { $each: [message._id], $slice: -PERSON_IDS_KEPT } } },
      { upsert: true },
    );
    try {
      await this.outbox.insertOne(message);
      return { created: true, message };
    } catch (err) {
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
      const stored = await this.outbox.findOne({ _id: message._id });
      if (!stored) throw err; // erased in between: let the retry start over
      return { created: false, message: stored };
    }
  }

  /**
   * Claims a pending message nobody holds (or whose holder's claim ran out) for one more send attempt;
   * undefined when it is held, sent, failed or being sent by another delivery.
   */
  async claim(id: string, now: Date, until: Date): Promise<OutboxMessage | undefined> {
    const claimed = await this.outbox.findOneAndUpdate(
      { _id: id, status: 'pending', $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now } }] },
      { $set: { claimedUntil: until }, $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    );
    return claimed ?? undefined;
  }

  /** The message as stored now. */
  async get(id: string): Promise<OutboxMessage | undefined> {
    return (await this.outbox.findOne({ _id: id })) ?? undefined;
  }

  /** The server took the message. */
  async markSent(message: Addressee, messageId: string, sentAt: Date): Promise<void> {
    await this.outbox.updateOne(
      { _id: message._id },
      { $set: { status: 'sent', messageId, sentAt, error: null, claimedUntil: null }, $unset: { deferred: '' } },
    );
    await this.forget(message);
  }

  /** The server refused the message for good. */
  async markFailed(message: Addressee, error: string): Promise<void> {
    await this.outbox.updateOne(
      { _id: message._id, status: 'pending' },
      { $set: { status: 'failed', error, claimedUntil: null }, $unset: { deferred: '' } },
    );
    await this.forget(message);
  }

  /**
   * Holds every pending message of these people (status held, `heldBy` the job): each person's entry gives
   * the ids, each message is updated by `_id` if still pending, then the ids looked at leave the entry.
   * Idempotent: a redelivery finds nothing pending. Returns how many messages were held.
   */
  async holdPending(tenantId: string, userIds: string[], jobId: string): Promise<number> {
    let held = 0;
    let next = 0;
    const worker = async () => {
      while (next < userIds.length) {
        const key = personKey({ tenantId, userId: userIds[next++] });
        const entry = await this.byPerson.findOne({ _id: key });
        const ids = [...new Set(entry?.ids ?? [])];
        for (const id of ids) if (await this.holdOne(id, tenantId, jobId)) held++;
        if (ids.length > 0) await this.byPerson.updateOne({ _id: key }, { $pullAll: { ids } });
      }
    };
    await Promise.all(Array.from({ length: Math.min(HOLD_CONCURRENCY, userIds.length) }, worker));
    return held;
  }

  /**
   * Holds one message if it is the tenant's and pending. Read, then written by `_id` alone: a condition in the
   * update's filter would make FerretDB 1.x decode the outbox up to the message for every one (the 100,000-person
   * chaos run's deactivate crawled at ~25 persons/s on it). A send that ends between the read and the write
   * (markSent writes by `_id` too) is put back as sent: what went out is never recorded as held.
   */
  private async holdOne(id: string, tenantId: string, jobId: string): Promise<boolean> {
    const before = await this.outbox.findOne({ _id: id });
    if (!before || before.tenantId !== tenantId || before.status !== 'pending') return false;
    await this.outbox.updateOne({ _id: id }, { $set: { status: 'held', heldBy: jobId } });
    const after = await this.outbox.findOne({ _id: id });
    if (!after?.sentAt) return true;
    await this.outbox.updateOne({ _id: id }, { $set: { status: 'sent' }, $unset: { heldBy: '' } });
    return false;
  }

  /** A send that may work later: stays pending, free for the retry to claim at once. */
  async release(id: string, error: string): Promise<void> {
    await this.outbox.updateOne({ _id: id, status: 'pending' }, { $set: { error, claimedUntil: null } });
  }

  /** When this process last deferred a message (the pump looks for deferred mail sooner after one). */
  lastDeferredAt = 0;

  /** The rate held the claimed message back: keep what sending it later needs, and free it for the pump. */
  async defer(id: string, deferral: Deferral): Promise<void> {
    await this.outbox.updateOne({ _id: id, status: 'pending' }, { $set: { deferred: deferral, claimedUntil: null } });
    this.lastDeferredAt = Date.now();
  }

  /** The message is no longer pending: its id leaves the person's entry (best effort: a leftover id costs one look). */
  private async forget(message: Addressee): Promise<void> {
    await this.byPerson.updateOne({ _id: personKey(message) }, { $pull: { ids: message._id } }).catch(() => undefined);
  }

  /** Deferred messages nobody is sending, oldest first (a scan on FerretDB; few at a time). */
  async dueDeferred(now: Date, limit: number): Promise<OutboxMessage[]> {
    return this.outbox
      .find({ status: 'pending', deferred: { $exists: true }, $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now } }] })
      .sort({ createdAt: 1 })
      .limit(limit)
      .toArray();
  }
}

const personKey = (m: Pick<OutboxMessage, 'tenantId' | 'userId'>) => `${m.tenantId}:${m.userId}`;
