import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DirectoryPage, DirectoryQuery } from '@cohort/contracts';
import { InternalHttpController } from '../../http/internal-http.controller';
import { tenantIdParam, ZodPipe } from '../../http/zod.pipe';
import { Directory } from './directory.query';

/** `POST /internal/tenants/:tenantId/people/search`: DirectoryQuery → DirectoryPage. */
@InternalHttpController('people')
export class DirectoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Post('search')
  @HttpCode(200)
  search(@Param('tenantId', tenantIdParam) tenantId: string, @Body(new ZodPipe(DirectoryQuery)) query: DirectoryQuery): Promise<DirectoryPage> {
    return this.queries.execute(new Directory(tenantId, query));
  }
}
