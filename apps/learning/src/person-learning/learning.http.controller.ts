import { Controller, Get, Param } from '@nestjs/common';
import { CourseList, PersonLearning, TenantId, UserId } from '@cohort/contracts';
import { parseOr400 } from '@cohort/common';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { PersonLearningReader } from './person-learning.reader';
import { courseView } from './person-learning.view';

/**
 * learning's internal reads (libs/contracts/src/internal/learning-api.ts), for the gateway's pickers and
 * person page: the catalogue by title, and one person's enrolments, tasks, certificates, events and shares.
 */
@Controller('internal/tenants/:tenantId')
export class LearningHttpController {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly people: PersonLearningReader,
  ) {}

  @Get('courses')
  async courses(@Param('tenantId') tenant: string): Promise<CourseList> {
    const tenantId = parseOr400('learning', TenantId, tenant, ['tenantId']);
    return { items: (await this.catalogue.listCourses(tenantId)).map(courseView) };
  }

  /** Empty lists for someone learning knows nothing about (who exists is identity's to say). */
  @Get('people/:userId/learning')
  async person(@Param('tenantId') tenant: string, @Param('userId') user: string): Promise<PersonLearning> {
    const tenantId = parseOr400('learning', TenantId, tenant, ['tenantId']);
    const userId = parseOr400('learning', UserId, user, ['userId']);
    return this.people.read(tenantId, userId);
  }
}
