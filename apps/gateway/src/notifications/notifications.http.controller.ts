import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { CohortClaims } from '@cohort/auth';
import { NotificationsQuery as InboxQuery } from '@cohort/contracts';
// types only: swc's decorator metadata would otherwise name the zod schemas, which OpenAPI reads as models
import type { NotificationPage, NotificationsQuery, NotificationView } from '@cohort/contracts';
import { Caller } from '../auth/caller';
import { ApiErrors } from '../docs/api-docs';
import { ZodPipe } from '../http/zod-validation.pipe';
import { CommunicationsClient } from '../upstream/communications.client';
import { ApiInboxPage, ApiMarkRead } from './notifications.docs';

const notificationId = new ZodPipe(z.string().min(1).max(512), () => 'id');

/** The caller's own in-app inbox, kept by communications: tenant and person come from the token only. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/me/notifications')
export class NotificationsHttpController {
  constructor(private readonly communications: CommunicationsClient) {}

  @Get()
  @ApiOperation({
    summary: 'My notifications, newest first',
    description: 'Messages that reached my inbox (sent while I had not joined yet: since I joined), with the unread count.',
  })
  @ApiInboxPage()
  @ApiErrors(400, 401, 429, 502, 503)
  inbox(@Caller() caller: CohortClaims, @Query(new ZodPipe(InboxQuery)) query: NotificationsQuery): Promise<NotificationPage> {
    return this.communications.notifications(caller.tid, caller.sub, query);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read', description: 'Marking it again keeps the first time.' })
  @ApiMarkRead()
  @ApiErrors(400, 401, 404, 429, 502, 503)
  markRead(@Caller() caller: CohortClaims, @Param('id', notificationId) id: string): Promise<NotificationView> {
    return this.communications.markRead(caller.tid, caller.sub, id);
  }
}
