import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { parseOr400 } from '@cohort/common';
import { GroupList, TenantId } from '@cohort/contracts';
import { ListGroups } from './list-groups.query';

/** `GET /internal/tenants/:tenantId/groups` → GroupList: teams first, then groups, by name. */
@Controller('internal/tenants/:tenantId/groups')
export class GroupsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@Param('tenantId') tenant: string): Promise<GroupList> {
    return this.queries.execute(new ListGroups(parseOr400('membership', TenantId, tenant, ['tenantId'])));
  }
}
