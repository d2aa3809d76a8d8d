import { z } from 'zod';
import { MAX_SELECTION_IDS } from '../fields';
import { Outcome, UserId } from '../messages/work';
import { PeopleFilter } from '../messages/people-filter';
import { Language, PersonStatus, Role } from '../vocabulary';

/**
 * identity's small internal HTTP API (DESIGN.md §2: synchronous reads go over each service's HTTP API).
 * Called by the gateway and the orchestrator inside the cluster; every route is scoped by tenant in the path.
 *
 *   GET  /internal/tenants/:tenantId/people/:userId          → PersonView | 404 {code:'IDENTITY.NOT_FOUND'}
 *   POST /internal/tenants/:tenantId/people/search           DirectoryQuery → DirectoryPage
 *   POST /internal/tenants/:tenantId/selection/stream        SelectionSpec → NDJSON lines of SelectionStreamLine
 *   POST /internal/tenants/:tenantId/selection/digest        SelectionSpec → SelectionDigest
 *   POST /internal/tenants/:tenantId/decide                  DecideRequest → DecideResponse (dry run, no writes)
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

export const DIRECTORY_MAX_LIMIT = 200;

export const DirectoryQuery = z.strictObject({
  filter: PeopleFilter.default({}),
  /** opaque cursor from the previous page's nextCursor */
  cursor: z.string().max(512).optional(),
  limit: z.number().int().min(1).max(DIRECTORY_MAX_LIMIT).default(50),
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
export const SelectionSpec = z.strictObject({
  filter: PeopleFilter,
  excludeIds: z.array(UserId).max(MAX_SELECTION_IDS).optional(),
});
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
