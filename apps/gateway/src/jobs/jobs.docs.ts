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

/** `actorId`, `action`, `from` and `to` of the audit query of `GET /v1/batch-jobs`. */
export function ApiAuditQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'actorId', required: false, type: String, description: 'Only jobs this person asked for (user id)' }),
    ApiQuery({ name: 'action', required: false, type: String, description: 'Only jobs of this action id, e.g. change-role' }),
    ApiQuery({
      name: 'from',
      required: false,
      type: String,
      format: 'date-time',
      description: 'Created at or after this time (ISO 8601 with offset)',
    }),
    ApiQuery({ name: 'to', required: false, type: String, format: 'date-time', description: 'Created before this time (ISO 8601 with offset)' }),
  );
}
