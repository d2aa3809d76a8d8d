import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DecideRequest, DecideResponse } from '@cohort/contracts';
import { InternalHttpController } from '../../http/internal-http.controller';
import { tenantIdParam, ZodPipe } from '../../http/zod.pipe';
import { Decide } from './decide.query';

/** `POST /internal/tenants/:tenantId/decide`: dry run of a work action (the preview's per-person outcomes). */
@InternalHttpController()
export class DecideHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Post('decide')
  @HttpCode(200)
  decide(@Param('tenantId', tenantIdParam) tenantId: string, @Body(new ZodPipe(DecideRequest)) request: DecideRequest): Promise<DecideResponse> {
    return this.queries.execute(new Decide(tenantId, request));
  }
}
