import { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Body, HttpCode, Logger, Param, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { SelectionDigest, SelectionSpec } from '@cohort/contracts';
import { InternalHttpController } from '../../http/internal-http.controller';
import { tenantIdParam, ZodPipe } from '../../http/zod.pipe';
import { DigestSelection, StreamSelection } from './selection.query';

/** Resolves "everyone matching this filter, minus these" for the orchestrator, up to millions of people. */
@InternalHttpController('selection')
export class SelectionHttpController {
  private readonly log = new Logger(SelectionHttpController.name);

  constructor(private readonly queries: QueryBus) {}

  /**
   * `POST …/selection/stream` → application/x-ndjson. `pipeline` carries HTTP backpressure to the store
   * cursor (it stops pulling lines while `res.write` returns false and resumes on 'drain') and closes the
   * cursor when the client disconnects. A failure after the first byte cuts the stream short, without
   * the `done` line, which tells the client not to trust it.
   */
  @Post('stream')
  async stream(
    @Param('tenantId', tenantIdParam) tenantId: string,
    @Body(new ZodPipe(SelectionSpec)) spec: SelectionSpec,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const lines: Readable = await this.queries.execute(new StreamSelection(tenantId, spec));
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    try {
      await pipeline(lines, res);
    } catch (err) {
      const gone = (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
      if (gone) this.log.warn({ msg: 'selection stream: client went away, cursor closed', tenantId });
      else this.log.error({ msg: 'selection stream failed', tenantId, err: String(err) });
    }
  }

  /** `POST …/selection/digest` → SelectionDigest of the same selection, without the ids. */
  @Post('digest')
  @HttpCode(200)
  digest(@Param('tenantId', tenantIdParam) tenantId: string, @Body(new ZodPipe(SelectionSpec)) spec: SelectionSpec): Promise<SelectionDigest> {
    return this.queries.execute(new DigestSelection(tenantId, spec));
  }
}
