import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CohortClaims } from '@cohort/auth';
import { UserId } from '@cohort/contracts';
// types only: swc's decorator metadata would otherwise name the zod schemas, which OpenAPI reads as models
import type { DirectoryPage, DirectoryQuery } from '@cohort/contracts';
import { Caller } from '../auth/caller';
import { ReaderGuard } from '../auth/reader-access';
import { ApiErrors, schemaRef } from '../docs/api-docs';
import { ZodPipe } from '../http/zod-validation.pipe';
import { IdentityClient } from '../upstream/identity.client';
import { DirectoryScope } from './directory-scope';
import { ApiPeopleQuery } from './people.docs';
import { PeopleQueryPipe } from './people-query';
import { PersonProfiles } from './person-profile';
import type { PersonProfile } from './person-profile';

const WHO_READS =
  'Callers who may run at least one action, and Reporters, read the whole tenant; a Manager without such permissions ' +
  'reads the people of the teams they manage and the people shared with them; anyone else gets 403 AUTH.FORBIDDEN.';

/** The tenant's people directory, read from identity within the caller's scope. */
@ApiTags('people')
@ApiBearerAuth()
@Controller('v1/people')
export class PeopleHttpController {
  constructor(
    private readonly identity: IdentityClient,
    private readonly scope: DirectoryScope,
    private readonly profiles: PersonProfiles,
  ) {}

  @Get()
  @UseGuards(ReaderGuard)
  @ApiOperation({ summary: 'A page of the directory', description: `Filters combine with AND; values of one list with OR. ${WHO_READS}` })
  @ApiPeopleQuery()
  @ApiOkResponse({ description: '`{items, nextCursor, total}`', schema: schemaRef('DirectoryPage') })
  @ApiErrors(400, 401, 403, 429, 502, 503)
  async search(@Caller() caller: CohortClaims, @Query(new PeopleQueryPipe()) query: DirectoryQuery): Promise<DirectoryPage> {
    const scopeUserIds = await this.scope.of(caller);
    return this.identity.search(caller.tid, scopeUserIds === undefined ? query : { ...query, scopeUserIds });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One person with what every service knows',
    description:
      'The person plus their teams and groups (membership), enrolments, tasks and certificates (learning) and unread ' +
      'notifications (communications), read at once. A service that is down or slow leaves its part null and is named in ' +
      `\`unavailable\`; the answer is still 200. ${WHO_READS} Anyone reads their own profile; a person outside a Manager's ` +
      'scope is 404, as an unknown one.',
  })
  @ApiParam({ name: 'id', description: 'User id' })
  @ApiOkResponse({ schema: schemaRef('PersonProfile') })
  @ApiErrors(400, 401, 403, 404, 429, 502, 503)
  async person(@Caller() caller: CohortClaims, @Param('id', new ZodPipe(UserId, () => 'id')) id: string): Promise<PersonProfile> {
    await this.scope.assertMayRead(caller, id);
    return this.profiles.profile(caller.tid, id);
  }
}
