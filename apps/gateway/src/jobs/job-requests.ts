import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { mayRun } from '@cohort/auth';
import type { CohortClaims } from '@cohort/auth';
import { CommandId, ItemState, JobRequest, JobStatus, validateParams } from '@cohort/contracts';
import { forbidden, invalidField } from '../gateway.errors';
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
export const JobListQuery = z.strictObject({ status: JobStatus.optional(), ...page });
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
 * token's role and permissions allow (else 403), with valid parameters (else 400 `params.<field>`).
 */
export function assertMayRun(caller: CohortClaims, action: string, params: unknown): void {
  const validation = validateParams(action, params);
  if (!validation.ok && validation.field === 'action') throw invalidField('action', validation.message);
  if (!mayRun({ role: caller.role, permissions: caller.perms }, action)) {
    throw forbidden(`a ${caller.role} may not run ${action}`, { action });
  }
  if (!validation.ok) throw invalidField(validation.field, validation.message);
}

/** The request the orchestrator gets: the body plus actor (and command id) from the token and header. */
export function jobRequestOf(caller: CohortClaims, body: CreateJobInput | PreviewInput, commandId?: string): JobRequest {
  return { ...body, actorId: caller.sub, ...(commandId !== undefined && { commandId }) };
}
