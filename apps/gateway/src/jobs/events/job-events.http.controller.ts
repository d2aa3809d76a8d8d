import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CohortClaims } from '@cohort/auth';
import { Caller } from '../../auth/caller';
import { ApiErrors } from '../../docs/api-docs';
import { ZodPipe } from '../../http/zod-validation.pipe';
import { ApiJobId } from '../jobs.docs';
import { JobId } from '../job-requests';
import { JobEventsStream } from './job-events.stream';

@ApiTags('batch-jobs')
@ApiBearerAuth()
@Controller('v1/batch-jobs')
export class JobEventsHttpController {
  constructor(private readonly stream: JobEventsStream) {}

  @Get(':id/events')
  @ApiOperation({
    summary: 'Live progress of a job as server-sent events',
    description:
      'First `snapshot` (the job), then `accepted`, `progress`, `completed`, `failed` or `cancelled` events (data: the JobEvent as JSON) ' +
      'and a comment line every 15 s. The stream ends after the job finishes; a reconnect (Last-Event-ID) to a finished job gets 204.',
  })
  @ApiJobId()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An event stream', schema: { type: 'string' } })
  @ApiErrors(400, 401, 404, 429, 502, 503)
  events(
    @Caller() caller: CohortClaims,
    @Param('id', new ZodPipe(JobId, () => 'id')) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.stream.open(caller, id, req, res);
  }
}
