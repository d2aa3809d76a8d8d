import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { CommandOptions, ItemCounts, JobStatus, Reason, Selection } from '@cohort/contracts';

/** A preview's resolved selection waiting to be confirmed: a job in the making, never listed. */
export type StoredJobStatus = JobStatus | 'draft';
export type JobSource = 'http' | 'kafka' | 'undo' | 'retry';

/**
 * One batch job. Per-person state lives in its chunk documents (chunk.schema.ts); this document
 * holds what the job is, where it stands and a snapshot of the counts (rewritten about once a second).
 */
@Schema({ collection: 'jobs', versionKey: false })
export class Job {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  commandId!: string;

  @Prop({ required: true })
  actorId!: string;

  @Prop({ required: true })
  action!: string;

  @Prop({ type: Object, default: {} })
  params!: Record<string, unknown>;

  @Prop({ type: Object, required: true })
  selection!: Selection;

  @Prop({ type: Object, default: {} })
  options!: CommandOptions;

  @Prop({ type: String, required: true })
  source!: JobSource;

  @Prop({ type: String, required: true })
  status!: StoredJobStatus;

  /** people selected; null until the selection is resolved */
  @Prop({ type: Number, default: null })
  total!: number | null;

  @Prop({ default: false })
  resolved!: boolean;

  /** resolution generation: a selection whose resolution was cut off by a restart is resolved again in a new one */
  @Prop({ default: 0 })
  gen!: number;

  @Prop({ default: 0 })
  chunkCount!: number;

  @Prop({ required: true })
  chunkSize!: number;

  @Prop({ type: Object, default: () => ({ pending: 0, running: 0, succeeded: 0, skipped: 0, failed: 0, cancelled: 0 }) })
  counts!: ItemCounts;

  @Prop({ default: 0 })
  ratePerSecond!: number;

  /** the selection as resolved: count and order-independent digest of the ids (for "has it changed since the preview") */
  @Prop({ type: Object })
  snapshot?: { count: number; digest: string };

  @Prop({ default: false })
  cancelRequested!: boolean;

  @Prop({ type: Object })
  reason?: Reason;

  @Prop()
  undoOf?: string;

  @Prop()
  undoneBy?: string;

  @Prop()
  retryOf?: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop()
  scheduledAt?: Date;

  @Prop()
  startedAt?: Date;

  @Prop()
  finishedAt?: Date;

  /** drafts only: when the preview lapses (checked in queries; there is no TTL index on every store) */
  @Prop()
  expiresAt?: Date;
}

export const JobSchema = SchemaFactory.createForClass(Job);
JobSchema.index({ tenantId: 1, createdAt: -1 });
JobSchema.index({ status: 1 });
JobSchema.index({ tenantId: 1, actorId: 1, createdAt: -1 }); // the audit query by actor
JobSchema.index({ tenantId: 1, action: 1, createdAt: -1 }); // and by action

/** Idempotency of commands: `_id` = `<tenantId>:<commandId>`, inserted once; a second insert finds the job. */
@Schema({ collection: 'commands', versionKey: false })
export class CommandClaim {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  jobId!: string;

  @Prop({ required: true })
  createdAt!: Date;
}

export const CommandClaimSchema = SchemaFactory.createForClass(CommandClaim);

export const ACTIVE_STATUSES: readonly StoredJobStatus[] = ['scheduled', 'queued', 'running'];
export const FINISHED_STATUSES: readonly StoredJobStatus[] = ['completed', 'failed', 'cancelled'];
