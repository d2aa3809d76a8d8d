import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { Deferral, OutboxMessage } from './outbox-message';

const DUPLICATE_KEY = 11000;

/** The only place that touches `outbox` (hold-messages and erase-person aside, which update or delete by person). */
@Injectable()
export class OutboxRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get outbox(): mongo.Collection<OutboxMessage> {
    return this.connection.collection<OutboxMessage>('outbox');
  }

  /**
   * Adds the message, claimed by the caller until `claimedUntil`, and returns it with `created` true; when
   * its `_id` is there already (a redelivered chunk) returns the stored one untouched with `created` false.
   */
  async create(message: OutboxMessage): Promise<{ created: boolean; message: OutboxMessage }> {
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
  async markSent(id: string, messageId: string, sentAt: Date): Promise<void> {
    await this.outbox.updateOne(
      { _id: id },
      { $set: { status: 'sent', messageId, sentAt, error: null, claimedUntil: null }, $unset: { deferred: '' } },
    );
  }

  /** The server refused the message for good. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.outbox.updateOne({ _id: id, status: 'pending' }, { $set: { status: 'failed', error, claimedUntil: null }, $unset: { deferred: '' } });
  }

  /** A send that may work later: stays pending, free for the retry to claim at once. */
  async release(id: string, error: string): Promise<void> {
    await this.outbox.updateOne({ _id: id, status: 'pending' }, { $set: { error, claimedUntil: null } });
  }

  /** The rate held the claimed message back: keep what sending it later needs, and free it for the pump. */
  async defer(id: string, deferral: Deferral): Promise<void> {
    await this.outbox.updateOne({ _id: id, status: 'pending' }, { $set: { deferred: deferral, claimedUntil: null } });
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
