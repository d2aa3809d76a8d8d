import { z } from 'zod';

/** Upper bound of people in one work chunk (DESIGN.md §3: "hundreds of people per message"). */
export const MAX_CHUNK_SIZE = 1000;

export const TenantId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'tenant id: lowercase letters, digits and dashes');
export const UserId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^:\s]+$/, 'user id: no spaces or colons');
export const ActionId = z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'action id: kebab-case');

/**
 * A work chunk's `step` at or above this is a saga compensation: it undoes, for its people, the forward
 * step `step - COMPENSATION_STEP_OFFSET` (whose op marker holds the value to restore).
 */
export const COMPENSATION_STEP_OFFSET = 100;

/** `cohort.<service>.work.v1`: one chunk of one saga step of one job. */
export const WorkChunk = z.object({
  jobId: z.string().min(1).max(128),
  /** index of the saga step this chunk belongs to */
  step: z.number().int().min(0).describe('Index of the saga step this chunk belongs to'),
  /** sequence number of the chunk within the job: with jobId and step it names the chunk */
  chunk: z.number().int().min(0).describe('Sequence number of the chunk within the job: with jobId and step it names the chunk'),
  attempt: z.number().int().min(1).describe('Delivery attempt of this chunk, from 1'),
  tenantId: TenantId,
  /** the participant action of this step (e.g. `change-role`, `remove-temporary-data`) */
  action: ActionId.describe('The participant action of this step, e.g. change-role or remove-temporary-data'),
  actorId: UserId.optional().describe('Who asked for the job'),
  params: z.record(z.string(), z.unknown()).default({}).describe("The action's parameters, validated at intake"),
  userIds: z.array(UserId).min(1).max(MAX_CHUNK_SIZE).describe(`The people of this chunk (1 to ${MAX_CHUNK_SIZE})`),
  data: z
    .record(UserId, z.record(z.string(), z.unknown()))
    .optional()
    .describe("Per person: the `data` the previous saga step reported for them (e.g. the invitation link's token and the recipient)"),
});
export type WorkChunk = z.infer<typeof WorkChunk>;

/**
 * `deferred`: accepted but held back (e.g. by the e-mail send rate); the participant reports the final
 * outcome for that person later in a result of its own, and the orchestrator waits for it.
 */
export const PERSON_OUTCOMES = ['succeeded', 'skipped', 'failed', 'deferred'] as const;

export const Outcome = z.object({
  userId: UserId,
  status: z.enum(PERSON_OUTCOMES),
  /** stable code, e.g. IDENTITY.LAST_OWNER */
  code: z.string().optional().describe('Stable code, e.g. IDENTITY.LAST_OWNER'),
  message: z.string().optional(),
  retryable: z.boolean().optional().describe('A failure worth retrying (transient)'),
  /** the prior value, kept for undo */
  before: z.unknown().optional().describe('The prior value, kept for undo'),
  /**
   * what the step produced: handed to the person's next saga step (WorkChunk.data), and kept as the
   * person's result when it is the last step (e.g. a new access code the admin passes on)
   */
  data: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("What the step produced: handed to the person's next step; kept as their result when it is the last step"),
});
export type Outcome = z.infer<typeof Outcome>;

/** `cohort.batch.results.v1`: the outcomes of one work chunk. */
export const ChunkResult = z.object({
  jobId: z.string().min(1),
  step: z.number().int().min(0),
  chunk: z.number().int().min(0),
  attempt: z.number().int().min(1),
  service: z.string().describe('The service that did the work'),
  outcomes: z.array(Outcome).describe('One outcome per person of the chunk'),
});
export type ChunkResult = z.infer<typeof ChunkResult>;
