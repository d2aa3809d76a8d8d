import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, mongo } from 'mongoose';
import { insertOnce } from '@cohort/common';
import { ExportColumn } from '@cohort/contracts';
import { ExportJobDoc, exportJobKey, ExportRowDoc } from './export-row';

/**
 * The only place that touches `exports` (each export job's columns) and `export_rows` (what it recorded of each
 * person). Both are written by inserts with a derived unique `_id`: a redelivered chunk, or two racing ones,
 * write each row once, and the first snapshot stays.
 */
@Injectable()
export class ExportsRepository implements OnModuleInit {
  private readonly log = new Logger(ExportsRepository.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get jobs(): mongo.Collection<ExportJobDoc> {
    return this.connection.collection<ExportJobDoc>('exports');
  }

  private get rows(): mongo.Collection<ExportRowDoc> {
    return this.connection.collection<ExportRowDoc>('export_rows');
  }

  async onModuleInit(): Promise<void> {
    try {
      await this.rows.createIndex({ tenantId: 1, jobId: 1, _id: 1 });
      await this.rows.createIndex({ tenantId: 1, userId: 1 });
    } catch (err) {
      this.log.warn({ msg: 'export indexes not created (reads still work, slower)', err: String(err) });
    }
  }

  /** Records the job's columns (once) and the rows of a chunk; rows recorded before (a redelivery) are kept as they are. */
  async record(tenantId: string, jobId: string, columns: ExportColumn[], rows: readonly ExportRowDoc[]): Promise<void> {
    await insertOnce(() => this.jobs.insertOne({ _id: exportJobKey(tenantId, jobId), tenantId, jobId, columns, createdAt: new Date() }));
    if (rows.length) await insertOnce(() => this.rows.insertMany([...rows], { ordered: false }));
  }

  /** The job's columns, or undefined when it recorded nothing (no such export job in this tenant). */
  async columns(tenantId: string, jobId: string): Promise<ExportColumn[] | undefined> {
    const doc = await this.jobs.findOne({ _id: exportJobKey(tenantId, jobId) });
    return doc?.tenantId === tenantId ? doc.columns : undefined;
  }

  /** The job's rows in a stable order, through a cursor: an export of a million people is never held at once. */
  rowsCursor(tenantId: string, jobId: string): mongo.FindCursor<ExportRowDoc> {
    return this.rows.find({ tenantId, jobId }).sort({ _id: 1 });
  }

  /** Deletes what export jobs recorded about these people (erase-person); idempotent. */
  async removeRowsOfPeople(tenantId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length > 0) await this.rows.deleteMany({ tenantId, userId: { $in: [...userIds] } });
  }
}
