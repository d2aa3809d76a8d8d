import { z } from 'zod';
import { EntityId, IsoDateTime, listOf, MAX_SELECTION_IDS } from '../fields';
import { PeopleFilter } from './people-filter';
import { ActionId, MAX_CHUNK_SIZE, TenantId, UserId } from './work';

/** The publisher's idempotency key of a command. */
export const CommandId = z.string().min(1).max(128);

/**
 * Who a command applies to: explicit ids (at most MAX_SELECTION_IDS) or a filter resolved
 * server-side at confirm time, minus `excludeIds`, or the rows of an uploaded people file
 * (`importId`: an invite import for invite-users, a select import for any other action). Exactly one of
 * `userIds`, `filter` and `importId`.
 */
export const Selection = z
  .strictObject({
    userIds: listOf(UserId, MAX_SELECTION_IDS)
      .optional()
      .describe(`Explicit user ids (1 to ${MAX_SELECTION_IDS}); larger selections must use a filter`),
    filter: PeopleFilter.optional(),
    importId: EntityId.optional().describe(
      'The rows of an uploaded people file (POST /v1/imports): purpose=invite for invite-users, purpose=select (the people whose e-mail matched) for any other action',
    ),
    excludeIds: z
      .array(UserId)
      .max(MAX_SELECTION_IDS)
      .optional()
      .describe('User ids left out of the selection (e.g. unticked rows of "all matching")'),
  })
  .refine((s) => [s.userIds, s.filter, s.importId].filter((x) => x !== undefined).length === 1, {
    message: 'selection: give exactly one of userIds, filter or importId',
  })
  .meta({ oneOf: [{ required: ['userIds'] }, { required: ['filter'] }, { required: ['importId'] }] })
  .describe('Exactly one of userIds, filter or importId, optionally minus excludeIds');
export type Selection = z.infer<typeof Selection>;

export const CommandOptions = z
  .strictObject({
    dryRun: z.boolean().optional().describe('Compute outcomes without changing anything'),
    toleratedFailurePercent: z.number().min(0).max(100).optional().describe('Abort the job once more than this share of people failed (0 to 100)'),
    scheduledAt: IsoDateTime.optional().describe('Start the job at this time (ISO 8601 with offset) instead of now'),
    chunkSize: z.number().int().min(1).max(MAX_CHUNK_SIZE).optional().describe(`People per work chunk (1 to ${MAX_CHUNK_SIZE})`),
    approvalCount: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('The number of affected people as typed by the caller to confirm a destructive job over the approval threshold'),
  })
  .describe('How the job runs');
export type CommandOptions = z.infer<typeof CommandOptions>;

/**
 * `cohort.batch.commands.v1` (key: tenant id): a request to run one action over a selection.
 * The same `commandId` twice is one job. `params` are checked against the action's own schema
 * by `validateCommand` (and by the JSON Schema of BatchCommand), not here.
 */
export const BatchCommand = z
  .strictObject({
    commandId: CommandId.describe('Idempotency key chosen by the publisher: the same id twice is one job'),
    tenantId: TenantId.describe('Tenant whose people the command touches'),
    actor: z.strictObject({ userId: UserId.describe('The person on whose behalf the action runs; permissions are theirs') }).describe('Who asks'),
    action: ActionId.describe('Action id of the catalogue, e.g. change-role'),
    params: z.record(z.string(), z.unknown()).describe("The action's parameters (see params/<action-id>)"),
    selection: Selection,
    options: CommandOptions.optional(),
  })
  .describe('A request to run one action over many people');
export type BatchCommand = z.infer<typeof BatchCommand>;
