import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { parseOr400 } from '@cohort/common';
import { PersonMemberships, TenantId, UserId } from '@cohort/contracts';
import { GetPersonMemberships } from './person-memberships.query';

/** `GET /internal/tenants/:tenantId/people/:userId/memberships` → PersonMemberships (empty lists for someone unknown). */
@Controller('internal/tenants/:tenantId/people/:userId/memberships')
export class PersonMembershipsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  get(@Param('tenantId') tenant: string, @Param('userId') user: string): Promise<PersonMemberships> {
    const tenantId = parseOr400('membership', TenantId, tenant, ['tenantId']);
    const userId = parseOr400('membership', UserId, user, ['userId']);
    return this.queries.execute(new GetPersonMemberships(tenantId, userId));
  }
}
