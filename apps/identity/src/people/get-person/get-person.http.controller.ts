import { Body, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { PeopleFound, PeopleLookup, PersonView } from '@cohort/contracts';
import { InternalHttpController } from '../../http/internal-http.controller';
import { tenantIdParam, userIdParam, ZodPipe } from '../../http/zod.pipe';
import { GetPerson, LookupPeople } from './get-person.query';

/**
 * `GET /internal/tenants/:tenantId/people/:userId` → PersonView, or 404 IDENTITY.NOT_FOUND;
 * `POST /internal/tenants/:tenantId/people/lookup` {userIds} → the ones that exist (participants' "who is this").
 */
@InternalHttpController('people')
export class GetPersonHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Post('lookup')
  @HttpCode(HttpStatus.OK)
  lookup(@Param('tenantId', tenantIdParam) tenantId: string, @Body(new ZodPipe(PeopleLookup)) body: PeopleLookup): Promise<PeopleFound> {
    return this.queries.execute(new LookupPeople(tenantId, body.userIds));
  }

  @Get(':userId')
  get(@Param('tenantId', tenantIdParam) tenantId: string, @Param('userId', userIdParam) userId: string): Promise<PersonView> {
    return this.queries.execute(new GetPerson(tenantId, userId));
  }
}
