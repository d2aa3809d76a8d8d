import { applyDecorators } from '@nestjs/common';
import { ApiParam, ApiQuery } from '@nestjs/swagger';

export function ApiJobId(): MethodDecorator {
  return ApiParam({ name: 'id', description: 'Job id (of the caller’s tenant)' });
}

/** `status`, `cursor` and `limit` of a paged list. */
export function ApiPageQuery(statusDescription: string, statuses: readonly string[]): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'status', required: false, enum: [...statuses], description: statusDescription }),
    ApiQuery({ name: 'cursor', required: false, type: String, description: 'nextCursor of the previous page' }),
    ApiQuery({ name: 'limit', required: false, type: Number, description: 'Entries per page (1 to 200)' }),
  );
}
