import { z } from 'zod';
import { EntityId } from '../fields';
import { UserId } from '../messages/work';

/**
 * membership's small internal HTTP API (DESIGN.md §2), called by the gateway and the orchestrator;
 * every route is scoped by tenant in the path. Errors are `{code, message, details: {field}}`.
 *
 *   GET  /internal/tenants/:tenantId/groups                       → GroupList (teams and groups, with auto-enrolment targets)
 *   GET  /internal/tenants/:tenantId/people/:userId/memberships   → PersonMemberships (empty lists for someone unknown)
 *   GET  /internal/tenants/:tenantId/managers/:userId/people      → ManagerScope (who a manager sees: their teams + shared)
 *   POST /internal/tenants/:tenantId/decide                       DecideRequest → DecideResponse (dry run, no writes)
 */
export const GroupKind = z.enum(['team', 'group']);
export type GroupKind = z.infer<typeof GroupKind>;

export const GroupView = z.object({
  groupId: EntityId,
  name: z.string(),
  kind: GroupKind,
  /** courses a person added to the group is enrolled in (even if completed before) */
  autoEnrolCourseIds: z.array(EntityId),
  /** managers of a team: the people its members (and people shared with them) report to */
  managerUserIds: z.array(UserId),
});
export type GroupView = z.infer<typeof GroupView>;

export const GroupList = z.object({ items: z.array(GroupView) });
export type GroupList = z.infer<typeof GroupList>;

export const PersonMemberships = z.object({
  groups: z.array(GroupView.pick({ groupId: true, name: true, kind: true })),
  /** managers of other teams these people were shared with (add-share) */
  sharedWith: z.array(UserId),
});
export type PersonMemberships = z.infer<typeof PersonMemberships>;

/** Most people a manager's scope lists (members of their teams plus people shared with them). */
export const MANAGER_SCOPE_MAX = 10_000;

export const ManagerScope = z.object({
  userIds: z.array(UserId).max(MANAGER_SCOPE_MAX),
  /** the scope had more people than MANAGER_SCOPE_MAX: the list is cut */
  truncated: z.boolean(),
});
export type ManagerScope = z.infer<typeof ManagerScope>;
