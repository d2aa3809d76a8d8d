import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { parseOr400 } from '@cohort/common';
import { ManagerScope, TenantId, UserId } from '@cohort/contracts';
import { GetManagerScope } from './manager-scope.query';

/** `GET /internal/tenants/:tenantId/managers/:userId/people` → ManagerScope (empty for someone who manages nobody). */
@Controller('internal/tenants/:tenantId/managers/:userId/people')
export class ManagerScopeHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  get(@Param('tenantId') tenant: string, @Param('userId') user: string): Promise<ManagerScope> {
    const tenantId = parseOr400('membership', TenantId, tenant, ['tenantId']);
    const userId = parseOr400('membership', UserId, user, ['userId']);
    return this.queries.execute(new GetManagerScope(tenantId, userId));
  }
}
