import { z } from 'zod';
import { IsoDateTime } from '../fields';

/**
 * communications' internal HTTP API (DESIGN.md §2), read by the gateway for `GET /v1/me/notifications`:
 *
 *   GET  /internal/tenants/:tenantId/people/:userId/notifications?cursor=&limit=   → NotificationPage
 *   POST /internal/tenants/:tenantId/people/:userId/notifications/:id/read         → NotificationView | 404 COMMUNICATIONS.NOT_FOUND
 *
 * Only delivered notifications are listed: one waiting for its person to join is not theirs yet.
 */
export const NotificationView = z.object({
  id: z.string().describe('Notification id'),
  subject: z.string(),
  body: z.string(),
  createdAt: IsoDateTime,
  deliveredAt: IsoDateTime.describe('When it reached the inbox (sent, or when the person joined)'),
  readAt: IsoDateTime.nullable().describe('When the person marked it read; null while unread'),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NOTIFICATIONS_MAX_LIMIT = 100;

/** A page of a person's inbox, newest first. */
export const NotificationPage = z.object({
  items: z.array(NotificationView),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next (older) page; null on the last page'),
  unread: z.number().int().min(0).describe('Unread notifications in the whole inbox'),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

/** `cursor` and `limit` of a page of the inbox (query-string values, hence the coercion). */
export const NotificationsQuery = z.strictObject({
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(NOTIFICATIONS_MAX_LIMIT).default(20),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuery>;
