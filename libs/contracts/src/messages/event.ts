import { z } from 'zod';
import { IsoDateTime } from '../fields';
import { ItemState } from '../vocabulary';
import { CommandId } from './command';
import { ActionId, TenantId } from './work';

/** Why a command was rejected or a job failed: a stable code, a plain message, the wrong field if one. */
export const Reason = z.object({
  code: z.string().min(1).max(128).describe('Stable code, e.g. COMMAND.INVALID or AUTH.FORBIDDEN'),
  message: z.string().max(4000).describe('Plain-language explanation'),
  field: z.string().max(256).optional().describe('The wrong field, as a dotted path such as params.role'),
});
export type Reason = z.infer<typeof Reason>;

const count = z.number().int().min(0);

/** People of a job per state (ITEM_STATES). */
export const ItemCounts = z.object({
  pending: count,
  running: count,
  succeeded: count,
  skipped: count,
  failed: count,
  cancelled: count,
} satisfies Record<ItemState, typeof count>);
export type ItemCounts = z.infer<typeof ItemCounts>;

const JobId = z.string().min(1).max(128);

/** What every event carries. Objects are open (unknown fields ignored) so events can grow compatibly. */
const envelope = {
  eventId: z.string().min(1).max(128).describe('Unique per event: consumers deduplicate on it'),
  at: IsoDateTime.describe('When it happened'),
};

export const JobAccepted = z.object({
  type: z.literal('accepted'),
  ...envelope,
  jobId: JobId,
  commandId: CommandId,
  tenantId: TenantId,
  action: ActionId,
  total: count.optional().describe('People selected, when already known (a filter resolves later)'),
});

export const JobRejected = z.object({
  type: z.literal('rejected'),
  ...envelope,
  commandId: CommandId.optional().describe('Absent when the command had no well-formed commandId'),
  tenantId: TenantId.optional().describe('Absent when the command had no well-formed tenantId'),
  reason: Reason,
});

export const JobProgress = z.object({
  type: z.literal('progress'),
  ...envelope,
  jobId: JobId,
  tenantId: TenantId,
  counts: ItemCounts,
  total: count,
  ratePerSecond: z.number().min(0).describe('People finished per second, recent average'),
  etaSeconds: z.number().min(0).nullable().describe('Seconds until done at the current rate; null when unknown'),
});

function ended<T extends 'completed' | 'failed' | 'cancelled'>(type: T) {
  return z.object({
    type: z.literal(type),
    ...envelope,
    jobId: JobId,
    tenantId: TenantId,
    counts: ItemCounts,
    total: count,
    finishedAt: IsoDateTime,
  });
}

export const JobCompleted = ended('completed');
/** `reason` says why, e.g. the tolerated failure percentage was exceeded. */
export const JobFailed = ended('failed').extend({ reason: Reason.optional() });
export const JobCancelled = ended('cancelled');

/** `cohort.batch.events.v1` (key: job id; command id for `rejected`): a job's lifecycle, for anyone to follow. */
export const JobEvent = z
  .discriminatedUnion('type', [JobAccepted, JobRejected, JobProgress, JobCompleted, JobFailed, JobCancelled])
  .describe('A job lifecycle event: accepted, rejected, progress, completed, failed or cancelled');
export type JobEvent = z.infer<typeof JobEvent>;
export type JobEventType = JobEvent['type'];
export const JOB_EVENT_TYPES = ['accepted', 'rejected', 'progress', 'completed', 'failed', 'cancelled'] as const satisfies readonly JobEventType[];
