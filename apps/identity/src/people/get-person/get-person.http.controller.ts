import { Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { PersonView } from '@cohort/contracts';
import { InternalHttpController } from '../../http/internal-http.controller';
import { tenantIdParam, userIdParam } from '../../http/zod.pipe';
import { GetPerson } from './get-person.query';

/** `GET /internal/tenants/:tenantId/people/:userId` → PersonView, or 404 IDENTITY.NOT_FOUND. */
@InternalHttpController('people')
export class GetPersonHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':userId')
  get(@Param('tenantId', tenantIdParam) tenantId: string, @Param('userId', userIdParam) userId: string): Promise<PersonView> {
    return this.queries.execute(new GetPerson(tenantId, userId));
  }
}
