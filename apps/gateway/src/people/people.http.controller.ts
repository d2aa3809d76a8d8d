import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CohortClaims } from '@cohort/auth';
import { UserId } from '@cohort/contracts';
// types only: swc's decorator metadata would otherwise name the zod schemas, which OpenAPI reads as models
import type { DirectoryPage, DirectoryQuery, PersonView } from '@cohort/contracts';
import { Caller } from '../auth/caller';
import { ApiErrors, schemaRef } from '../docs/api-docs';
import { ZodPipe } from '../http/zod-validation.pipe';
import { IdentityClient } from '../upstream/identity.client';
import { ApiPeopleQuery } from './people.docs';
import { PeopleQueryPipe } from './people-query';

/** The tenant's people directory, read from identity. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('v1/people')
export class PeopleHttpController {
  constructor(private readonly identity: IdentityClient) {}

  @Get()
  @ApiOperation({ summary: 'A page of the directory', description: 'Filters combine with AND; values of one list with OR.' })
  @ApiPeopleQuery()
  @ApiOkResponse({ description: '`{items, nextCursor, total}`', schema: schemaRef('DirectoryPage') })
  @ApiErrors(400, 401, 429, 502, 503)
  search(@Caller() caller: CohortClaims, @Query(new PeopleQueryPipe()) query: DirectoryQuery): Promise<DirectoryPage> {
    return this.identity.search(caller.tid, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person' })
  @ApiParam({ name: 'id', description: 'User id' })
  @ApiOkResponse({ schema: schemaRef('PersonView') })
  @ApiErrors(400, 401, 404, 429, 502, 503)
  person(@Caller() caller: CohortClaims, @Param('id', new ZodPipe(UserId, () => 'id')) id: string): Promise<PersonView> {
    return this.identity.person(caller.tid, id);
  }
}
