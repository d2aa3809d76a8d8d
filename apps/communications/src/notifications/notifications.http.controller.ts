import { Controller, Get, HttpCode, HttpException, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { issueField, NotificationPage, NotificationsQuery, NotificationView, TenantId, UserId } from '@cohort/contracts';
import { COMMUNICATIONS } from '../communications.errors';
import { decodeCursor, encodeCursor } from './inbox-cursor';
import { notificationView } from './notification.schema';
import { NotificationsRepository } from './notifications.repository';

/** 400 `{code, message, details: {field}}` naming the wrong path or query parameter. */
function invalid(field: string, message: string): HttpException {
  return new HttpException({ code: 'COMMUNICATIONS.INVALID_REQUEST', message: `${field}: ${message}`, details: { field } }, HttpStatus.BAD_REQUEST);
}

function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string[]): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid(issueField(issue, prefix) || prefix.join('.'), issue.message);
}

/**
 * A person's inbox (libs/contracts/src/internal/communications-api.ts), for the gateway's
 * `/v1/me/notifications`: delivered notifications only, newest first, with the unread count.
 */
@Controller('internal/tenants/:tenantId/people/:userId/notifications')
export class NotificationsHttpController {
  constructor(private readonly notifications: NotificationsRepository) {}

  @Get()
  async page(@Param('tenantId') tenant: string, @Param('userId') user: string, @Query() query: unknown): Promise<NotificationPage> {
    const [tenantId, userId] = [parse(TenantId, tenant, ['tenantId']), parse(UserId, user, ['userId'])];
    const { cursor, limit } = parse(NotificationsQuery, query, []);
    const from = cursor === undefined ? undefined : decodeCursor(cursor);
    if (cursor !== undefined && !from) throw invalid('cursor', 'not a cursor of this inbox');
    const [found, unread] = await Promise.all([
      this.notifications.page(tenantId, userId, limit + 1, from),
      this.notifications.unread(tenantId, userId),
    ]);
    const items = found.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = found.length > limit && last ? encodeCursor({ deliveredAt: last.deliveredAt, id: last._id }) : null;
    return { items: items.map(notificationView), nextCursor, unread };
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  async markRead(@Param('tenantId') tenant: string, @Param('userId') user: string, @Param('id') id: string): Promise<NotificationView> {
    const [tenantId, userId] = [parse(TenantId, tenant, ['tenantId']), parse(UserId, user, ['userId'])];
    const read = await this.notifications.markRead(tenantId, userId, parse(z.string().min(1).max(512), id, ['id']), new Date());
    if (!read) throw new HttpException({ code: COMMUNICATIONS.NOT_FOUND, message: 'notification not found', details: { id } }, HttpStatus.NOT_FOUND);
    return notificationView(read);
  }
}
