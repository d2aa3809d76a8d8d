import { z } from 'zod';
import { EntityId, MAX_SELECTION_IDS } from '../fields';
import { Outcome, UserId } from '../messages/work';
import { PeopleFilter } from '../messages/people-filter';
import { Language, PersonStatus, Role } from '../vocabulary';

/**
 * identity's small internal HTTP API (DESIGN.md §2: synchronous reads go over each service's HTTP API).
 * Called by the gateway and the orchestrator inside the cluster; every route is scoped by tenant in the path.
 *
 *   GET  /internal/tenants/:tenantId/people/:userId          → PersonView | 404 {code:'IDENTITY.NOT_FOUND'}
 *   POST /internal/tenants/:tenantId/people/lookup           PeopleLookup → PeopleFound (the ones that exist in the tenant)
 *   POST /internal/tenants/:tenantId/people/search           DirectoryQuery → DirectoryPage
 *   POST /internal/tenants/:tenantId/selection/stream        SelectionSpec → NDJSON lines of SelectionStreamLine
 *   POST /internal/tenants/:tenantId/selection/digest        SelectionSpec → SelectionDigest
 *   POST /internal/tenants/:tenantId/decide                  DecideRequest → DecideResponse (dry run, no writes)
 *   POST /internal/tenants/:tenantId/imports?format=csv|xlsx&purpose=invite|select  raw file bytes → ImportSummary (rows staged for a selection)
 *   POST /internal/invitations/accept                         AcceptInvitation → TokenAccepted | 400 IDENTITY.TOKEN_INVALID
 *   POST /internal/password-resets/complete                   CompletePasswordReset → TokenAccepted | 400 TOKEN_INVALID/TOKEN_EXPIRED
 */
export const PersonView = z.object({
  userId: UserId,
  tenantId: z.string(),
  email: z.string(),
  name: z.string(),
  status: PersonStatus,
  role: Role,
  permissions: z.array(z.string()),
  language: Language.or(z.string()),
  country: z.string().optional(),
  labels: z.array(z.string()),
  specialisms: z.array(z.string()),
  hireDate: z.string().optional(),
  lastActiveAt: z.string().optional(),
  createdAt: z.string().optional(),
});
export type PersonView = z.infer<typeof PersonView>;

/** Up to a chunk of people by id: how participants (membership, learning) tell who exists in the tenant. */
export const PeopleLookup = z.strictObject({ userIds: z.array(UserId).min(1).max(1000) });
export type PeopleLookup = z.infer<typeof PeopleLookup>;

/** The people of a lookup that exist in the tenant (an id of another tenant is simply absent). */
export const PeopleFound = z.object({ people: z.array(PersonView) });
export type PeopleFound = z.infer<typeof PeopleFound>;

export const DIRECTORY_MAX_LIMIT = 200;

/** Most user ids a directory scope lists (a manager's people: membership's MANAGER_SCOPE_MAX). */
export const DIRECTORY_SCOPE_MAX = 10_000;

export const DirectoryQuery = z.strictObject({
  filter: PeopleFilter.default({}),
  /** opaque cursor from the previous page's nextCursor */
  cursor: z.string().max(512).optional(),
  limit: z.number().int().min(1).max(DIRECTORY_MAX_LIMIT).default(50),
  /**
   * Internal only (the gateway sets it, never from a query string): only these people, on top of the
   * filter — a Manager's directory is the people of the teams they manage and those shared with them.
   */
  scopeUserIds: z.array(UserId).max(DIRECTORY_SCOPE_MAX).optional(),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export const DirectoryPage = z.object({
  items: z.array(PersonView),
  nextCursor: z.string().nullable(),
  /** everyone matching the filter, across all pages */
  total: z.number().int().min(0),
});
export type DirectoryPage = z.infer<typeof DirectoryPage>;

/** A selection as identity resolves it: a filter minus exclusions (explicit ids need no resolution). */
export const SelectionSpec = z
  .strictObject({
    filter: PeopleFilter.optional(),
    /** the rows of an uploaded people file: an invite import's assigned user ids, a select import's matched people */
    importId: EntityId.optional(),
    excludeIds: z.array(UserId).max(MAX_SELECTION_IDS).optional(),
  })
  .refine((s) => (s.filter === undefined) !== (s.importId === undefined), { message: 'give exactly one of filter or importId', path: ['filter'] });
export type SelectionSpec = z.infer<typeof SelectionSpec>;

/** Ids per line of the selection stream. */
export const SELECTION_STREAM_BATCH = 1000;

/**
 * One line of `selection/stream` (NDJSON, one query cursor server-side, HTTP backpressure end to end):
 * `{"ids":[...]}` lines of up to SELECTION_STREAM_BATCH ids, then exactly one `{"done":true,...}` line.
 * A stream that ends without the `done` line was cut off and must not be trusted.
 */
export const SelectionStreamLine = z.union([
  z.object({ ids: z.array(UserId) }),
  z.object({ done: z.literal(true), count: z.number().int().min(0), digest: z.string() }),
]);
export type SelectionStreamLine = z.infer<typeof SelectionStreamLine>;

/**
 * Who a selection is, order-independently: the count and the XOR of sha256(userId) over every
 * matching id (hex). Same set ⇔ same digest (barring a hash collision).
 */
export const SelectionDigest = z.object({ count: z.number().int().min(0), digest: z.string() });
export type SelectionDigest = z.infer<typeof SelectionDigest>;

/** Dry run of one saga step for up to 1000 people: the outcomes the step would produce, nothing written. */
export const DecideRequest = z.strictObject({
  actorId: UserId,
  action: z.string(),
  params: z.record(z.string(), z.unknown()),
  userIds: z.array(UserId).min(1).max(1000),
});
export type DecideRequest = z.infer<typeof DecideRequest>;

/** `before`/`data.after` carry the change for the preview's before → after sample. */
export const DecideResponse = z.object({ outcomes: z.array(Outcome) });
export type DecideResponse = z.infer<typeof DecideResponse>;

/** Largest people file identity takes (bytes) and most rows in it. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 100_000;

/** A row of an uploaded people file that will fail: where and why (the column is named). */
export const ImportRowError = z.object({
  row: z.number().int().min(1).describe('Row number in the file, the header being row 1'),
  column: z.string().describe('The column at fault, e.g. email'),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/**
 * What an uploaded people file is for: `invite` (new accounts for `invite-users`) or `select` (a column of
 * e-mails of existing people, the selection of any other action).
 */
export const IMPORT_PURPOSES = ['invite', 'select'] as const;
export const ImportPurpose = z.enum(IMPORT_PURPOSES);
export type ImportPurpose = z.infer<typeof ImportPurpose>;

/** The id of a `select` import starts with this (an `invite` import id is plain base36, no dash), so intake tells them apart. */
export const SELECT_IMPORT_PREFIX = 'sel-';

/** The purpose an import id was issued for. */
export function importPurposeOf(importId: string): ImportPurpose {
  return importId.startsWith(SELECT_IMPORT_PREFIX) ? 'select' : 'invite';
}

/**
 * An uploaded people file, parsed and staged, for `selection: {importId}`. An `invite` import is only for
 * `invite-users` (valid rows become invitations, invalid rows per-row failures naming the column); a
 * `select` import is for every other action and selects exactly the people whose e-mail matched (unknown
 * e-mails and repeated rows are row errors, not people). Intake refuses any other use with 400
 * COMMAND.INVALID_SELECTION on `selection.importId`.
 */
export const ImportSummary = z.object({
  importId: EntityId,
  purpose: ImportPurpose.describe('invite: only for invite-users; select: for any other action, the people whose e-mail matched'),
  rows: z.number().int().min(0),
  valid: z.number().int().min(0),
  invalid: z.number().int().min(0),
  /** the first invalid rows (at most 100) */
  errors: z.array(ImportRowError),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const Password = z.string().min(10, 'at least 10 characters').max(200);

export const AcceptInvitation = z.strictObject({
  token: z.string().min(1).max(512),
  name: z.string().min(1).max(200).optional().describe('Display name, if the person wants to change it'),
  password: Password.optional().describe('The password to sign in with (at least 10 characters)'),
});
export type AcceptInvitation = z.infer<typeof AcceptInvitation>;

export const CompletePasswordReset = z.strictObject({
  token: z.string().min(1).max(512),
  password: Password.describe('The new password (at least 10 characters)'),
});
export type CompletePasswordReset = z.infer<typeof CompletePasswordReset>;

export const TokenAccepted = z.object({ tenantId: z.string(), userId: UserId, status: PersonStatus });
export type TokenAccepted = z.infer<typeof TokenAccepted>;
