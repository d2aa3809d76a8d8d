import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FilterQuery, Model } from 'mongoose';
import { personKey } from '../people/person.schema';
import { IMPORT_TTL_MS, isLive, StagedInvitee, stagedUserId } from './staged-invitee.schema';

/** Parallel point reads by `_id` (FerretDB serves no other filter from an index). */
const READ_CONCURRENCY = 16;

/** Rows per round trip of the selection cursor. */
const CURSOR_BATCH = 1000;

/**
 * Documents per delete: FerretDB on SQLite deletes the matched documents by id in ONE statement, which
 * fails past SQLite's limit of bound variables ("too many SQL variables" at 32,766), so large deletes go by
 * `_id` a batch at a time.
 */
export const DELETE_BATCH = 1000;

/** The only place that touches the `staged_invitees` collection. */
@Injectable()
export class StagedInviteesRepository {
  constructor(@InjectModel(StagedInvitee.name) private readonly rows: Model<StagedInvitee>) {}

  /** One insert of a batch of rows (FerretDB writes them in one transaction; keep batches large). */
  async insert(rows: StagedInvitee[]): Promise<void> {
    if (rows.length) await this.rows.insertMany(rows, { ordered: true, lean: true });
  }

  /** Drops an import's rows (an upload that failed half-way). */
  async discard(tenantId: string, importId: string): Promise<void> {
    await this.deleteMatching({ tenantId, importId });
  }

  /** Drops the tenant's rows of imports past their lifetime (no TTL indexes on FerretDB). */
  async purgeExpired(tenantId: string, now: Date): Promise<void> {
    await this.deleteMatching({ tenantId, createdAt: { $lt: new Date(now.getTime() - IMPORT_TTL_MS) } });
  }

  /** Deletes the rows a filter matches: their ids in one read, then DELETE_BATCH ids per delete. */
  private async deleteMatching(filter: FilterQuery<StagedInvitee>): Promise<void> {
    const ids = (await this.rows.find(filter, { _id: 1 }).lean<{ _id: string }[]>().exec()).map((row) => row._id);
    for (let at = 0; at < ids.length; at += DELETE_BATCH) await this.rows.deleteMany({ _id: { $in: ids.slice(at, at + DELETE_BATCH) } }).exec();
  }

  /**
   * The live rows to invite of one tenant by user id (`imp-<importId>-<row>`); unknown, expired, other
   * tenants' ids and rows of a select import (existing people, not invitees) are absent.
   */
  async findMany(tenantId: string, userIds: readonly string[], now = new Date()): Promise<Map<string, StagedInvitee>> {
    const found = new Map<string, StagedInvitee>();
    let next = 0;
    const worker = async () => {
      while (next < userIds.length) {
        const userId = userIds[next++];
        const row = await this.rows.findById(personKey(tenantId, userId)).lean<StagedInvitee>().exec();
        if (row && row.tenantId === tenantId && row.purpose !== 'select' && isLive(row, now)) found.set(userId, row);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, userIds.length) }, worker));
    return found;
  }

  /**
   * The user ids of a live import's rows through ONE store cursor, fetched a batch at a time as the
   * consumer pulls: stopping the iteration closes the cursor. An expired or unknown import has none.
   * An invite import's rows give the ids their accounts will get; a select import's rows the matched people.
   */
  async *userIds(tenantId: string, importId: string, now = new Date()): AsyncGenerator<string> {
    const live = { $gt: new Date(now.getTime() - IMPORT_TTL_MS) };
    const cursor = this.rows
      .find({ tenantId, importId, createdAt: live }, { _id: 0, row: 1, userId: 1 })
      .lean<Pick<StagedInvitee, 'row' | 'userId'>>()
      .batchSize(CURSOR_BATCH)
      .cursor();
    try {
      for await (const doc of cursor) {
        const { row, userId } = doc as Pick<StagedInvitee, 'row' | 'userId'>;
        yield userId ?? stagedUserId(importId, row);
      }
    } finally {
      await cursor.close();
    }
  }
}
