import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import type { CohortClaims } from '@cohort/auth';
import { ActionId, CommandId, IsoDateTime, ItemState, JobRequest, JobStatus, UserId, validateParams } from '@cohort/contracts';
import { assertAllowed } from '../auth/may-run.guard';
import { invalidField } from '../gateway.errors';
import { parseOrThrow } from '../http/zod-validation.pipe';

/**
 * `POST /v1/batch-jobs`: a JobRequest without who asks (the token says) and without the command id
 * (the Idempotency-Key header). Strict: a body naming `actorId` or `tenantId` is a 400.
 */
export const CreateJobBody = JobRequest.omit({ actorId: true, commandId: true }).describe(
  'Run an action over a selection; tenant and actor come from the bearer token',
);
/** (a name of its own: swc's decorator metadata would name the zod schema, which OpenAPI reads as a model) */
export type CreateJobInput = z.output<typeof CreateJobBody>;

/** `POST /v1/batch-jobs/preview`: the same body without a snapshot. */
export const PreviewBody = CreateJobBody.omit({ snapshotId: true }).describe('The job to preview');
export type PreviewInput = z.output<typeof PreviewBody>;

const page = {
  cursor: z.string().min(1).max(512).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).optional().describe('Entries per page (1 to 200)'),
};
/**
 * `GET /v1/batch-jobs` is also the audit: who ran what, when, on which selection, with which parameters
 * and outcome counts. `from`/`to` bound the jobs' createdAt (from inclusive, to exclusive).
 */
export const JobListQuery = z
  .strictObject({
    status: JobStatus.optional(),
    actorId: UserId.optional().describe('Only jobs this person asked for'),
    action: ActionId.optional().describe('Only jobs of this action'),
    from: IsoDateTime.optional().describe('Created at or after this time (ISO 8601 with offset)'),
    to: IsoDateTime.optional().describe('Created before this time (ISO 8601 with offset)'),
    ...page,
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) <= Date.parse(q.to), {
    path: ['to'],
    message: 'must not be before from',
  });
export const ItemListQuery = z.strictObject({ status: ItemState.optional(), ...page });
export type PageQuery = z.output<typeof JobListQuery> | z.output<typeof ItemListQuery>;

/** A job id in a path. */
export const JobId = z.string().min(1).max(128);

/** The Idempotency-Key header as the command id: absent, or 1 to 128 characters (else 400 naming the header). */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  return value === undefined ? undefined : parseOrThrow(CommandId, value, () => 'Idempotency-Key');
});

/**
 * The fast first check before the orchestrator's own: a known action (else 400 `action`), one the
 * caller's stored role and permissions allow (else 403), with valid parameters (else 400 `params.<field>`).
 */
export function assertMayRun(caller: CohortClaims, action: string, params: unknown): void {
  const validation = validateParams(action, params);
  if (!validation.ok && validation.field === 'action') throw invalidField('action', validation.message);
  assertAllowed(caller, action);
  if (!validation.ok) throw invalidField(validation.field, validation.message);
}

/** The request the orchestrator gets: the body plus actor (and command id) from the token and header. */
export function jobRequestOf(caller: CohortClaims, body: CreateJobInput | PreviewInput, commandId?: string): JobRequest {
  return { ...body, actorId: caller.sub, ...(commandId !== undefined && { commandId }) };
}
