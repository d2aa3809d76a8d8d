import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { Response } from 'express';
import { z } from 'zod';
import { ActorBody, ItemState, JobAcceptedResponse, JobListQuery, JobView, UndoBody } from '@cohort/contracts';
import { HttpErrorsFilter } from '../http-errors.filter';
import { Submitted } from '../intake/intake.service';
import { JobControlService } from './job-control.service';
import { JobsQueryService } from './jobs-query.service';

const Limit = z.coerce.number().int().min(1).max(1000).default(50);
const ItemsQuery = z.object({ status: ItemState.optional(), cursor: z.string().max(512).optional(), limit: Limit });

export const accepted = ({ job, duplicate }: Submitted): JobAcceptedResponse => ({
  id: job._id,
  status: job.status === 'draft' ? 'queued' : job.status,
  ...(duplicate && { duplicate }),
});

/** Internal API of jobs for the gateway (libs/contracts/src/internal/orchestrator-api.ts). */
@Controller('internal/tenants/:tenantId/jobs')
@UseFilters(HttpErrorsFilter)
export class JobsHttpController {
  constructor(
    private readonly query: JobsQueryService,
    private readonly control: JobControlService,
  ) {}

  @Get()
  list(@Param('tenantId') tenantId: string, @Query() raw: unknown) {
    return this.query.list(tenantId, JobListQuery.parse(raw));
  }

  @Get(':jobId')
  view(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string): Promise<JobView> {
    return this.query.view(tenantId, jobId);
  }

  @Get(':jobId/items')
  items(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string, @Query() raw: unknown) {
    const q = ItemsQuery.parse(raw);
    return this.query.items(tenantId, jobId, q.status, q.cursor, q.limit);
  }

  /** Every person's outcome as NDJSON, streamed chunk by chunk with backpressure. */
  @Get(':jobId/items.ndjson')
  async stream(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string, @Res() res: Response): Promise<void> {
    const items = this.query.allItems(tenantId, jobId);
    const first = await items.next(); // a missing job answers 404 before any byte is sent
    res.status(200).type('application/x-ndjson');
    for (let next = first; !next.done; next = await items.next()) {
      if (res.destroyed) return void (await items.return(undefined));
      if (!res.write(`${JSON.stringify(next.value)}\n`)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }

  @Post(':jobId/cancel')
  @HttpCode(200)
  cancel(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string, @Body() body: unknown) {
    return this.control.cancel(tenantId, jobId, ActorBody.parse(body).actorId);
  }

  @Post(':jobId/retry')
  @HttpCode(202)
  async retry(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string, @Body() body: unknown) {
    return accepted(await this.control.retry(tenantId, jobId, ActorBody.parse(body).actorId));
  }

  @Post(':jobId/undo/preview')
  @HttpCode(200)
  undoPreview(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string, @Body() body: unknown) {
    return this.control.previewUndo(tenantId, jobId, ActorBody.parse(body).actorId);
  }

  @Post(':jobId/undo')
  @HttpCode(202)
  async undo(@Param('tenantId') tenantId: string, @Param('jobId') jobId: string, @Body() body: unknown) {
    const { actorId, ...request } = UndoBody.parse(body);
    return accepted(await this.control.undo(tenantId, jobId, actorId, request));
  }
}
