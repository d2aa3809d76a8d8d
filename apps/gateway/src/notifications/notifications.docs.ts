import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiQuery } from '@nestjs/swagger';
import { JsonSchema, NOTIFICATIONS_MAX_LIMIT, NotificationPage, NotificationView, toJsonSchema } from '@cohort/contracts';
import type { z } from 'zod';

/** A contract schema inline in the OpenAPI document (JSON Schema 2020-12 without its dialect line). */
function inline(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = toJsonSchema(schema);
  return rest;
}

/** `cursor` and `limit` of `GET /v1/me/notifications`, and its page. */
export function ApiInboxPage(): MethodDecorator {
  return applyDecorators(
    ApiQuery({ name: 'cursor', required: false, type: String, description: 'nextCursor of the previous page' }),
    ApiQuery({ name: 'limit', required: false, type: Number, description: `Notifications per page, 1 to ${NOTIFICATIONS_MAX_LIMIT} (default 20)` }),
    ApiOkResponse({ description: '`{items, nextCursor, unread}`, newest first', schema: inline(NotificationPage) }),
  );
}

/** The notification id of `POST /v1/me/notifications/:id/read`, and the notification it answers. */
export function ApiMarkRead(): MethodDecorator {
  return applyDecorators(
    ApiParam({ name: 'id', description: 'Notification id (from the inbox)' }),
    ApiOkResponse({ description: 'The notification, read', schema: inline(NotificationView) }),
  );
}
