import { Body, Controller, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { JobRequest, Preview } from '@cohort/contracts';
import { HttpErrorsFilter } from '../http-errors.filter';
import { accepted } from '../jobs/jobs.http.controller';
import { commandOf, PreviewService } from '../preview/preview.service';
import { IntakeService } from './intake.service';

/** The gateway's way in: preview, and submit (with or without a preview's snapshot). */
@Controller('internal/tenants/:tenantId/jobs')
@UseFilters(HttpErrorsFilter)
export class IntakeHttpController {
  constructor(
    private readonly intake: IntakeService,
    private readonly previews: PreviewService,
  ) {}

  @Post('preview')
  @HttpCode(200)
  preview(@Param('tenantId') tenantId: string, @Body() body: unknown): Promise<Preview> {
    return this.previews.preview(tenantId, JobRequest.parse(body));
  }

  @Post()
  @HttpCode(202)
  async submit(@Param('tenantId') tenantId: string, @Body() body: unknown) {
    const request = JobRequest.parse(body);
    const submitted = request.snapshotId
      ? await this.previews.confirm(tenantId, request)
      : await this.intake.submit(commandOf(tenantId, request), 'http');
    return accepted(submitted);
  }
}
