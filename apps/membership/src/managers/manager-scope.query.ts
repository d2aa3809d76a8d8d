import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MANAGER_SCOPE_MAX, ManagerScope } from '@cohort/contracts';
import { GroupsRepository } from '../groups/groups.repository';
import { MembershipsRepository } from '../memberships/memberships.repository';

/** Who a manager sees: the members of the teams they manage and the people shared with them. */
export class GetManagerScope {
  constructor(
    readonly tenantId: string,
    readonly managerUserId: string,
  ) {}
}

/**
 * Reads at most MANAGER_SCOPE_MAX + 2 ids of each kind (the manager themself may be among them, and one more
 * tells that the scope is cut), never a whole tenant.
 */
@QueryHandler(GetManagerScope)
export class GetManagerScopeHandler implements IQueryHandler<GetManagerScope, ManagerScope> {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  async execute({ tenantId, managerUserId }: GetManagerScope): Promise<ManagerScope> {
    const teamIds = (await this.groups.teamsManagedBy(tenantId, managerUserId)).map((t) => t.groupId);
    const limit = MANAGER_SCOPE_MAX + 2;
    const [members, shared] = await Promise.all([
      this.memberships.membersOf(tenantId, teamIds, limit),
      this.memberships.sharedWith(tenantId, managerUserId, limit),
    ]);
    return scopeOf(managerUserId, [members, shared]);
  }
}

/** Pure: the lists joined, each id once, without the manager, by id, cut at `max` (`truncated` when cut). */
export function scopeOf(managerUserId: string, lists: readonly (readonly string[])[], max = MANAGER_SCOPE_MAX): ManagerScope {
  const ids = [...new Set(lists.flat())].filter((id) => id !== managerUserId).sort();
  return { userIds: ids.slice(0, max), truncated: ids.length > max };
}
