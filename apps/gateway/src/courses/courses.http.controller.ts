import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CohortClaims } from '@cohort/auth';
import type { CourseList } from '@cohort/contracts';
import { Caller } from '../auth/caller';
import { ReaderGuard } from '../auth/reader-access';
import { ApiErrors, schemaRef } from '../docs/api-docs';
import { LearningClient } from '../upstream/learning.client';

/** The picker of courses, learning paths and series (for filters and the learning actions). */
@ApiTags('courses')
@ApiBearerAuth()
@Controller('v1/courses')
export class CoursesHttpController {
  constructor(private readonly learning: LearningClient) {}

  @Get()
  @UseGuards(ReaderGuard)
  @ApiOperation({
    summary: "The tenant's courses, learning paths and series",
    description: 'From learning. For callers who may run at least one action, Reporters and Managers; anyone else 403.',
  })
  @ApiOkResponse({ schema: schemaRef('CourseList') })
  @ApiErrors(401, 403, 429, 502, 503)
  list(@Caller() caller: CohortClaims): Promise<CourseList> {
    return this.learning.courses(caller.tid);
  }
}
