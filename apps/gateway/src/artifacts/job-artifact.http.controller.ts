import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CohortClaims } from '@cohort/auth';
import { Caller } from '../auth/caller';
import { ApiErrors } from '../docs/api-docs';
import { ApiError } from '../gateway.errors';
import { sendFile } from '../http/send-file';
import { ZodPipe } from '../http/zod-validation.pipe';
import { ApiJobId } from '../jobs/jobs.docs';
import { JobId } from '../jobs/job-requests';
import { OrchestratorClient } from '../upstream/orchestrator.client';
import { UpstreamClient } from '../upstream/upstream.client';
import { artifactSource, noArtifact } from './job-artifact';

/** The file a job produced (certificates ZIP, people export), streamed from the service that owns its action. */
@ApiTags('batch-jobs')
@ApiBearerAuth()
@Controller('v1/batch-jobs')
export class JobArtifactHttpController {
  private readonly logger = new Logger(JobArtifactHttpController.name);

  constructor(
    private readonly orchestrator: OrchestratorClient,
    private readonly upstream: UpstreamClient,
  ) {}

  @Get(':id/artifact')
  @ApiOperation({
    summary: 'The file a job produced',
    description:
      'For actions that declare a file in the catalogue (download-certificates: a ZIP of PDFs; export-csv: a CSV of the people), once the job has finished; ' +
      'streamed as an attachment named `<action>-<jobId>.<extension>`. Only for callers who may run the job’s action. ' +
      '404 JOBS.NO_ARTIFACT when the action makes no file or the file is gone; 409 JOBS.NOT_FINISHED while the job runs.',
  })
  @ApiJobId()
  @ApiProduces('application/zip', 'text/csv', 'application/octet-stream')
  @ApiOkResponse({ description: 'The file, with Content-Disposition: attachment', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(400, 401, 403, 404, 409, 429, 502, 503)
  async download(@Caller() caller: CohortClaims, @Param('id', new ZodPipe(JobId, () => 'id')) id: string, @Res() res: Response): Promise<void> {
    const job = await this.orchestrator.get(caller.tid, id);
    const source = artifactSource(job, caller);
    const file = await this.upstream.download(source.service, source.path, source.mediaType).catch((err: unknown) => {
      throw err instanceof ApiError && err.getStatus() === 404 ? noArtifact(job.id, `${source.service} has no file for it`) : err;
    });
    await sendFile(res, file, { contentType: source.mediaType, fileName: source.fileName }, this.logger, { jobId: job.id, service: source.service });
  }
}
