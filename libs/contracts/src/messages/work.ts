import { z } from 'zod';

/** Upper bound of people in one work chunk (DESIGN.md §3: "hundreds of people per message"). */
export const MAX_CHUNK_SIZE = 1000;

export const TenantId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'tenant id: lowercase letters, digits and dashes');
export const UserId = z.string().min(1).max(128).regex(/^[^:\s]+$/, 'user id: no spaces or colons');
export const ActionId = z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'action id: kebab-case');

/** `cohort.<service>.work.v1`: one chunk of one saga step of one job. */
export const WorkChunk = z.object({
  jobId: z.string().min(1).max(128),
  /** index of the saga step this chunk belongs to */
  step: z.number().int().min(0),
  /** sequence number of the chunk within the job: with jobId and step it names the chunk */
  chunk: z.number().int().min(0),
  attempt: z.number().int().min(1),
  tenantId: TenantId,
  /** the participant action of this step (e.g. `change-role`, `remove-temporary-data`) */
  action: ActionId,
  actorId: UserId.optional(),
  params: z.record(z.string(), z.unknown()).default({}),
  userIds: z.array(UserId).min(1).max(MAX_CHUNK_SIZE),
});
export type WorkChunk = z.infer<typeof WorkChunk>;

export const PERSON_OUTCOMES = ['succeeded', 'skipped', 'failed'] as const;

export const Outcome = z.object({
  userId: UserId,
  status: z.enum(PERSON_OUTCOMES),
  /** stable code, e.g. IDENTITY.LAST_OWNER */
  code: z.string().optional(),
  message: z.string().optional(),
  retryable: z.boolean().optional(),
  /** the prior value, kept for undo */
  before: z.unknown().optional(),
  /** what the step produced for later steps or the results page */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type Outcome = z.infer<typeof Outcome>;

/** `cohort.batch.results.v1`: the outcomes of one work chunk. */
export const ChunkResult = z.object({
  jobId: z.string().min(1),
  step: z.number().int().min(0),
  chunk: z.number().int().min(0),
  attempt: z.number().int().min(1),
  service: z.string(),
  outcomes: z.array(Outcome),
});
export type ChunkResult = z.infer<typeof ChunkResult>;
