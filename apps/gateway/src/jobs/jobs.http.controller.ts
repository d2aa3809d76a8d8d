import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CohortClaims } from '@cohort/auth';
import { ITEM_STATES, JOB_STATUSES, UndoRequest } from '@cohort/contracts';
import type { ItemPage, JobList, JobView, Preview } from '@cohort/contracts';
import { Caller } from '../auth/caller';
import { ApiErrors, schemaRef } from '../docs/api-docs';
import { ZodPipe } from '../http/zod-validation.pipe';
import { JobCommand, OrchestratorClient } from '../upstream/orchestrator.client';
import { ApiAuditQuery, ApiJobId, ApiPageQuery } from './jobs.docs';
import { PeopleNames } from './names/with-names';
import {
  assertMayRun,
  CreateJobBody,
  CreateJobInput,
  IdempotencyKey,
  ItemListQuery,
  JobId,
  jobRequestOf,
  JobListQuery,
  PageQuery,
  PreviewBody,
  PreviewInput,
} from './job-requests';

export interface JobAccepted {
  id: string;
  status: string;
}

const jobId = new ZodPipe(JobId, () => 'id');

/** Batch jobs of the caller's tenant, run by the orchestrator on behalf of the caller. */
@ApiTags('batch-jobs')
@ApiBearerAuth()
@Controller('v1/batch-jobs')
export class JobsHttpController {
  constructor(
    private readonly orchestrator: OrchestratorClient,
    private readonly names: PeopleNames,
  ) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Counts, a before → after sample, skips and warnings of a job, without running it' })
  @ApiBody({ schema: schemaRef('PreviewBody') })
  @ApiOkResponse({ schema: schemaRef('Preview') })
  @ApiErrors(400, 401, 403, 429, 502, 503)
  async preview(@Caller() caller: CohortClaims, @Body(new ZodPipe(PreviewBody)) body: PreviewInput): Promise<Preview> {
    assertMayRun(caller, body.action, body.params);
    const preview = await this.orchestrator.preview(caller.tid, jobRequestOf(caller, body));
    return preview.sample ? { ...preview, sample: await this.names.add(caller.tid, preview.sample) } : preview;
  }

  @Post()
  @ApiOperation({ summary: 'Start a job', description: 'The same Idempotency-Key twice is one job (200 the second time).' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1 to 128 characters; becomes the command id' })
  @ApiBody({ schema: schemaRef('CreateJobBody') })
  @ApiResponse({ status: 202, description: 'Accepted', schema: schemaRef('JobAccepted') })
  @ApiResponse({ status: 200, description: 'Already accepted with this Idempotency-Key', schema: schemaRef('JobAccepted') })
  @ApiErrors(400, 401, 403, 409, 429, 502, 503)
  async submit(
    @Caller() caller: CohortClaims,
    @Body(new ZodPipe(CreateJobBody)) body: CreateJobInput,
    @IdempotencyKey() commandId: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JobAccepted> {
    assertMayRun(caller, body.action, body.params);
    const answer = await this.orchestrator.submit(caller.tid, jobRequestOf(caller, body, commandId));
    res.status(answer.body.duplicate === true || answer.status === 200 ? 200 : 202);
    return { id: answer.body.id, status: answer.body.status };
  }

  @Get()
  @ApiOperation({
    summary: "The tenant's jobs, newest first: the audit",
    description:
      'Who ran what, when, on which selection, with which parameters and outcome counts: each job names its actor, ' +
      'action, params, selection, createdAt/finishedAt and counts per state. Filter by actorId, action and a createdAt range.',
  })
  @ApiPageQuery('Only jobs in this status', JOB_STATUSES)
  @ApiAuditQuery()
  @ApiOkResponse({ schema: schemaRef('JobList') })
  @ApiErrors(400, 401, 429, 502, 503)
  async list(@Caller() caller: CohortClaims, @Query(new ZodPipe(JobListQuery)) query: PageQuery): Promise<JobList> {
    const page = await this.orchestrator.list(caller.tid, query);
    return page.items ? { ...page, items: await this.names.actors(caller.tid, page.items) } : page;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, totals, counts per state, rate and ETA of a job' })
  @ApiJobId()
  @ApiOkResponse({ schema: schemaRef('JobView') })
  @ApiErrors(400, 401, 404, 429, 502, 503)
  get(@Caller() caller: CohortClaims, @Param('id', jobId) id: string): Promise<JobView> {
    return this.orchestrator.get(caller.tid, id);
  }

  @Get(':id/items')
  @ApiOperation({ summary: 'Per-person outcomes of a job' })
  @ApiJobId()
  @ApiPageQuery('Only people in this state', ITEM_STATES)
  @ApiOkResponse({ schema: schemaRef('ItemPage') })
  @ApiErrors(400, 401, 404, 429, 502, 503)
  async items(
    @Caller() caller: CohortClaims,
    @Param('id', jobId) id: string,
    @Query(new ZodPipe(ItemListQuery)) query: PageQuery,
  ): Promise<ItemPage> {
    const page = await this.orchestrator.items(caller.tid, id, query);
    return page.items ? { ...page, items: await this.names.add(caller.tid, page.items) } : page;
  }

  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel a job: no more dispatching; in-flight chunks finish, the rest become cancelled' })
  @ApiJobId()
  @ApiOkResponse({ description: 'The job', schema: schemaRef('JobView') })
  @ApiErrors(400, 401, 404, 409, 429, 502, 503)
  cancel(@Caller() caller: CohortClaims, @Param('id', jobId) id: string, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return this.run(caller, id, 'cancel', res);
  }

  @Post(':id/retry')
  @ApiOperation({ summary: 'Run the failed people of a job again' })
  @ApiJobId()
  @ApiOkResponse({ description: 'The job', schema: schemaRef('JobView') })
  @ApiErrors(400, 401, 404, 409, 429, 502, 503)
  retry(@Caller() caller: CohortClaims, @Param('id', jobId) id: string, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    return this.run(caller, id, 'retry', res);
  }

  @Post(':id/undo/preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'What undoing a finished job would do, without running it',
    description:
      'The inverse job previewed like any job (counts, a before → after sample, skips, warnings led by UNDO); its snapshotId runs exactly those people with POST /v1/batch-jobs/{id}/undo.',
  })
  @ApiJobId()
  @ApiOkResponse({ schema: schemaRef('Preview') })
  @ApiErrors(400, 401, 403, 404, 409, 429, 502, 503)
  async undoPreview(@Caller() caller: CohortClaims, @Param('id', jobId) id: string): Promise<Preview> {
    const preview = await this.orchestrator.undoPreview(caller.tid, id, caller.sub);
    return preview.sample ? { ...preview, sample: await this.names.add(caller.tid, preview.sample) } : preview;
  }

  @Post(':id/undo')
  @ApiOperation({
    summary: "Undo a finished reversible job: restore each person's prior value",
    description:
      'With the snapshotId of POST /v1/batch-jobs/{id}/undo/preview it runs exactly the previewed people; without a body, every person the job changed.',
  })
  @ApiJobId()
  @ApiBody({ required: false, schema: schemaRef('UndoBody') })
  @ApiResponse({ status: 202, description: 'The inverse job', schema: schemaRef('JobAccepted') })
  @ApiErrors(400, 401, 403, 404, 409, 429, 502, 503)
  undo(
    @Caller() caller: CohortClaims,
    @Param('id', jobId) id: string,
    @Body(new ZodPipe(UndoRequest.default({}))) body: UndoRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    return this.run(caller, id, 'undo', res, body);
  }

  /** The orchestrator's answer, status included, with the caller as actor. */
  private async run(caller: CohortClaims, id: string, command: JobCommand, res: Response, extra?: UndoRequest): Promise<unknown> {
    const answer = await this.orchestrator.command(caller.tid, id, command, caller.sub, extra);
    res.status(answer.status);
    return answer.body;
  }
}
