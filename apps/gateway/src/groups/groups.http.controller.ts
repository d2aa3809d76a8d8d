import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CohortClaims } from '@cohort/auth';
import { Caller } from '../auth/caller';
import { ReaderGuard } from '../auth/reader-access';
import { ApiErrors, schemaRef } from '../docs/api-docs';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';
import { LearningClient } from '../upstream/learning.client';
import { MembershipClient } from '../upstream/membership.client';
import { withCourseTitles } from './group-list';
import type { GroupPickerList } from './group-list';

/** The picker of teams and groups (for filters and the add/remove-from-groups actions). */
@ApiTags('groups')
@ApiBearerAuth()
@Controller('v1/groups')
export class GroupsHttpController {
  constructor(
    private readonly membership: MembershipClient,
    private readonly learning: LearningClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @UseGuards(ReaderGuard)
  @ApiOperation({
    summary: "The tenant's teams and groups, with their auto-enrolment courses",
    description:
      'From membership, each with `autoEnrolCourses` titled from learning (learning down or slow: ids only, and ' +
      '`unavailable: ["learning"]`). For callers who may run at least one action, Reporters and Managers; anyone else 403.',
  })
  @ApiOkResponse({ schema: schemaRef('GroupPickerList') })
  @ApiErrors(401, 403, 429, 502, 503)
  async list(@Caller() caller: CohortClaims): Promise<GroupPickerList> {
    const courses = this.learning.courses(caller.tid, this.config.partTimeoutMs).catch(() => undefined);
    const groups = await this.membership.groups(caller.tid);
    return withCourseTitles(groups, await courses);
  }
}
