import { Controller, Get, Logger, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { CohortClaims } from '@cohort/auth';
import { Caller } from '../../auth/caller';
import { ApiErrors } from '../../docs/api-docs';
import { ZodPipe } from '../../http/zod-validation.pipe';
import { OrchestratorClient } from '../../upstream/orchestrator.client';
import { ApiJobId } from '../jobs.docs';
import { JobId } from '../job-requests';
import { RESULT_COLUMNS, resultsCsvStages, resultsFileName } from './results-csv';

@ApiTags('batch-jobs')
@ApiBearerAuth()
@Controller('v1/batch-jobs')
export class JobResultsHttpController {
  private readonly logger = new Logger(JobResultsHttpController.name);

  constructor(private readonly orchestrator: OrchestratorClient) {}

  /** Streams the orchestrator's NDJSON through csv-stringify: the job is never held in memory. */
  @Get(':id/results.csv')
  @ApiOperation({ summary: 'Every per-person outcome of a job as CSV', description: `Columns: ${RESULT_COLUMNS.join(', ')}.` })
  @ApiJobId()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header line', schema: { type: 'string' } })
  @ApiErrors(400, 401, 404, 429, 502, 503)
  async download(@Caller() caller: CohortClaims, @Param('id', new ZodPipe(JobId, () => 'id')) id: string, @Res() res: Response): Promise<void> {
    const items = await this.orchestrator.itemsNdjson(caller.tid, id);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${resultsFileName(id)}"`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      await pipeline([items, ...resultsCsvStages(), res]);
    } catch (err) {
      // the client left, or the orchestrator's stream broke: the response is cut, not completed
      this.logger.warn({ msg: 'results.csv stream ended early', jobId: id, err: err instanceof Error ? err.message : String(err) });
    }
  }
}
