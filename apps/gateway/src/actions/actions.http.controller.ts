import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CohortClaims } from '@cohort/auth';
import { Caller } from '../auth/caller';
import { ApiErrors, schemaRef } from '../docs/api-docs';
import { actionsFor, ActionView } from './action-view';

@ApiTags('actions')
@ApiBearerAuth()
@Controller('v1/actions')
export class ActionsHttpController {
  @Get()
  @ApiOperation({ summary: 'The actions the caller may run, with the JSON Schema of their parameters' })
  @ApiOkResponse({ schema: { type: 'array', items: schemaRef('Action') } })
  @ApiErrors(401, 429)
  list(@Caller() caller: CohortClaims): ActionView[] {
    return actionsFor(caller);
  }
}
