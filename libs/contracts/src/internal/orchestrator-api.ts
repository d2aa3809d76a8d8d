import { z } from 'zod';
import { IsoDateTime } from '../fields';
import { CommandId, CommandOptions, Selection } from '../messages/command';
import { ItemCounts, Reason } from '../messages/event';
import { ActionId, UserId } from '../messages/work';
import { ItemState, JobStatus } from '../vocabulary';

/**
 * The orchestrator's internal HTTP API, used by the gateway (which adds tenant and actor from the
 * caller's token). Errors are `{code, message, details}` with the HTTP status the gateway passes on.
 *
 *   POST /internal/tenants/:tenantId/jobs/preview         JobRequest → Preview
 *   POST /internal/tenants/:tenantId/jobs                 JobRequest → 202 JobAccepted
 *   GET  /internal/tenants/:tenantId/jobs?status=&actorId=&action=&from=&to=&cursor=&limit= → JobList (the audit query)
 *   GET  /internal/tenants/:tenantId/jobs/:jobId                        → JobView
 *   GET  /internal/tenants/:tenantId/jobs/:jobId/items?status=&cursor=&limit= → ItemPage
 *   GET  /internal/tenants/:tenantId/jobs/:jobId/items.ndjson           → NDJSON of ItemView, every person
 *   POST /internal/tenants/:tenantId/jobs/:jobId/cancel   {actorId}     → JobView
 *   POST /internal/tenants/:tenantId/jobs/:jobId/retry    {actorId}     → 202 JobAccepted (a new job for the failed people; the same again returns it)
 *   POST /internal/tenants/:tenantId/jobs/:jobId/undo/preview {actorId} → Preview of the inverse job (its snapshot to confirm)
 *   POST /internal/tenants/:tenantId/jobs/:jobId/undo     UndoBody      → 202 JobAccepted (the inverse job: the previewed people
 *        with a snapshotId, else every person the job changed)
 */
export const JobRequest = z.strictObject({
  actorId: UserId.describe('Who asks (from the token)'),
  commandId: CommandId.optional().describe('Idempotency key (the Idempotency-Key header); the same key twice is one job'),
  action: ActionId,
  params: z.record(z.string(), z.unknown()).default({}),
  selection: Selection,
  options: CommandOptions.optional(),
  /** from a preview: run exactly the previewed people, or answer 409 SELECTION.CHANGED if the filter now matches others */
  snapshotId: z.string().max(128).optional(),
});
export type JobRequest = z.infer<typeof JobRequest>;

export const ReasonCount = z.object({ code: z.string(), message: z.string(), count: z.number().int().min(0) });
export type ReasonCount = z.infer<typeof ReasonCount>;

/** Who a person is, as the gateway adds it to items and samples from identity (absent when identity could not say). */
const Named = {
  name: z.string().optional().describe('The person’s name (from identity; absent when unknown or unavailable)'),
  email: z.string().optional().describe('The person’s e-mail address (from identity; absent when unknown or unavailable)'),
};

export const PreviewSample = z.object({
  userId: UserId,
  ...Named,
  status: z.enum(['succeeded', 'skipped', 'failed']),
  code: z.string().optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const Preview = z.object({
  snapshotId: z.string().describe('Pass to POST /jobs (an undo: to POST /jobs/:id/undo) to run exactly these people'),
  action: ActionId.describe('The action that will run: for an undo, the inverse (possibly a participant-only step such as restore-groups)'),
  undoOf: z.string().optional().describe('The job this previewed undo restores'),
  total: z.number().int().min(0).describe('People in the selection'),
  /** people whose decisions were computed; equal to total unless the selection is larger than the preview limit */
  evaluated: z.number().int().min(0),
  exact: z.boolean().describe('Counts are exact (every person evaluated) rather than extrapolated from the first `evaluated`'),
  willChange: z.number().int().min(0),
  skipped: z.array(ReasonCount).describe('Skips grouped by reason'),
  failed: z.array(ReasonCount).describe('Predicted failures grouped by reason (e.g. not found)'),
  sample: z.array(PreviewSample).describe('A few people with before → after'),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  /** a destructive job this large must be confirmed with options.approvalCount = total */
  requiresApprovalCount: z.boolean(),
  expiresAt: IsoDateTime,
});
export type Preview = z.infer<typeof Preview>;

export const JobAcceptedResponse = z.object({ id: z.string(), status: JobStatus, duplicate: z.boolean().optional() });
export type JobAcceptedResponse = z.infer<typeof JobAcceptedResponse>;

/** Who a job covered, as the audit shows it: the filter or import as given, explicit ids as a count. */
export const SelectionSummary = z.object({
  filter: z.record(z.string(), z.unknown()).optional(),
  importId: z.string().optional(),
  userIdCount: z.number().int().min(0).optional().describe('How many user ids the selection listed'),
  excludeIdCount: z.number().int().min(0).optional(),
  undoOf: z.string().optional(),
  retryOf: z.string().optional(),
});
export type SelectionSummary = z.infer<typeof SelectionSummary>;

export const JobView = z.object({
  id: z.string(),
  tenantId: z.string(),
  commandId: z.string(),
  action: ActionId,
  params: z.record(z.string(), z.unknown()),
  actorId: UserId,
  actorName: z.string().optional().describe('Who asked for the job, by name (from identity; absent when unknown or unavailable)'),
  selection: SelectionSummary,
  source: z
    .enum(['http', 'kafka', 'undo', 'retry'])
    .describe('Where the job came from: the HTTP API, the command topic, or an undo/retry of another job'),
  status: JobStatus,
  /** null while a filter selection is still being resolved */
  total: z.number().int().min(0).nullable(),
  counts: ItemCounts,
  ratePerSecond: z.number().min(0),
  etaSeconds: z.number().min(0).nullable(),
  reversible: z.boolean().describe('A finished job that can be undone now'),
  reason: Reason.optional(),
  undoOf: z.string().optional(),
  undoneBy: z.string().optional(),
  retryOf: z.string().optional().describe('The job whose failed people this job runs again'),
  createdAt: IsoDateTime,
  scheduledAt: IsoDateTime.optional(),
  startedAt: IsoDateTime.optional(),
  finishedAt: IsoDateTime.optional(),
});
export type JobView = z.infer<typeof JobView>;

export const JobList = z.object({ items: z.array(JobView), nextCursor: z.string().nullable() });

/** The tenant's jobs, newest first: the audit of who ran what, when, on whom, with which parameters and outcome counts. */
export const JobListQuery = z.strictObject({
  status: JobStatus.optional(),
  actorId: UserId.optional().describe('Only jobs this person asked for'),
  action: ActionId.optional().describe('Only jobs of this action'),
  from: IsoDateTime.optional().describe('Created at or after this time (ISO 8601 with offset)'),
  to: IsoDateTime.optional().describe('Created before this time (ISO 8601 with offset)'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type JobListQuery = z.infer<typeof JobListQuery>;
export type JobList = z.infer<typeof JobList>;

export const ItemView = z.object({
  userId: UserId,
  ...Named,
  status: ItemState,
  code: z.string().optional(),
  message: z.string().optional(),
  /** the saga step the person is at or ended in, as its participant action */
  step: z.string().optional(),
  attempts: z.number().int().min(0),
  before: z.unknown().optional(),
  /** what the person's last step produced for the admin (e.g. a new access code) */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type ItemView = z.infer<typeof ItemView>;

export const ItemPage = z.object({ items: z.array(ItemView), nextCursor: z.string().nullable() });
export type ItemPage = z.infer<typeof ItemPage>;

export const ActorBody = z.strictObject({ actorId: UserId });

/** An undo, run from its preview (`snapshotId`, and the typed count when the preview asked for one) or at once. */
export const UndoRequest = z.strictObject({
  snapshotId: z.string().min(1).max(128).optional().describe('From POST …/undo/preview: run exactly the previewed people'),
  approvalCount: z.number().int().min(0).optional().describe("The preview's total, when it said requiresApprovalCount"),
});
export type UndoRequest = z.infer<typeof UndoRequest>;
export const UndoBody = ActorBody.merge(UndoRequest);
export type UndoBody = z.infer<typeof UndoBody>;
