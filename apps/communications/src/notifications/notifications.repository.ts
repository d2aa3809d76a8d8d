import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { InboxPosition } from './inbox-cursor';
import { Notification } from './notification.schema';

const DUPLICATE_KEY = 11000;

/** A notification that has reached its person's inbox. */
export type DeliveredNotification = Notification & { deliveredAt: Date };

/** The only place that touches `notifications` (erase-person aside, which deletes by person). */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectModel(Notification.name) private readonly model: Model<Notification>) {}

  /**
   * Stores the notification, or finds the one a previous delivery of the same chunk stored (same `_id`):
   * the stored document either way, so a redelivery goes on from where the first one got.
   */
  async insert(notification: Notification): Promise<Notification> {
    try {
      await this.model.collection.insertOne(notification as never);
      return notification;
    } catch (err) {
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
      const stored = await this.model.findById(notification._id).lean<Notification>().exec();
      if (!stored) throw err; // erased in between: let the retry start over
      return stored;
    }
  }

  /**
   * Puts waiting notifications in their inbox at `at`; ones delivered already keep their time. One update
   * by `_id` each: FerretDB 1.x serves `_id` equality from its index but scans the whole collection for an
   * `_id: {$in}` (a send-notification job delivering one person at a time made that quadratic).
   */
  async deliver(ids: string[], at: Date): Promise<void> {
    for (const id of new Set(ids)) await this.model.updateOne({ _id: id, deliveredAt: null }, { $set: { deliveredAt: at } }).exec();
  }

  /** The notifications still waiting for the person to join. */
  waiting(tenantId: string, userId: string): Promise<Notification[]> {
    return this.model.find({ tenantId, userId, deliveredAt: null }).lean<Notification[]>().exec();
  }

  /** Delivered notifications whose e-mail copy has not gone out (or failed for good) yet. */
  pendingCopies(tenantId: string, userId: string): Promise<DeliveredNotification[]> {
    return this.model
      .find({ tenantId, userId, emailPending: true, deliveredAt: { $ne: null } })
      .lean<DeliveredNotification[]>()
      .exec();
  }

  /** The e-mail copy was sent or refused for good: nothing more to do for it. */
  async copyDone(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { emailPending: false } }).exec();
  }

  /** Up to `limit` delivered notifications of the person, newest first, after `from` (a previous page's end). */
  page(tenantId: string, userId: string, limit: number, from?: InboxPosition): Promise<DeliveredNotification[]> {
    const filter: FilterQuery<Notification> = { tenantId, userId, deliveredAt: { $ne: null } };
    if (from) {
      filter.$or = [{ deliveredAt: { $lt: from.deliveredAt } }, { deliveredAt: from.deliveredAt, _id: { $lt: from.id } }];
    }
    return this.model.find(filter).sort({ deliveredAt: -1, _id: -1 }).limit(limit).lean<DeliveredNotification[]>().exec();
  }

  /** How many delivered notifications the person has not read. */
  unread(tenantId: string, userId: string): Promise<number> {
    return this.model.countDocuments({ tenantId, userId, deliveredAt: { $ne: null }, readAt: null }).exec();
  }

  /**
   * Marks one delivered notification of the person read (the first time only) and returns it; undefined
   * when the person has no such delivered notification.
   */
  async markRead(tenantId: string, userId: string, id: string, at: Date): Promise<DeliveredNotification | undefined> {
    const mine = { _id: id, tenantId, userId, deliveredAt: { $ne: null } };
    await this.model.updateOne({ ...mine, readAt: null }, { $set: { readAt: at } }).exec();
    return (await this.model.findOne(mine).lean<DeliveredNotification>().exec()) ?? undefined;
  }
}
