import { Injectable } from '@nestjs/common';
import type { NotificationPage, NotificationView } from '@cohort/contracts';
import { seg, UpstreamClient } from './upstream.client';

/** communications' internal API (libs/contracts/src/internal/communications-api.ts): a person's inbox. */
@Injectable()
export class CommunicationsClient {
  constructor(private readonly upstream: UpstreamClient) {}

  /** A page of the person's delivered notifications, newest first, with the unread count. */
  async notifications(tenantId: string, userId: string, query: { cursor?: string; limit?: number }, timeoutMs?: number): Promise<NotificationPage> {
    const path = `/internal/tenants/${seg(tenantId)}/people/${seg(userId)}/notifications`;
    return (await this.upstream.json<NotificationPage>('communications', path, { query, timeoutMs })).body;
  }

  /** Marks one of the person's notifications read; 404 COMMUNICATIONS.NOT_FOUND passes through. */
  async markRead(tenantId: string, userId: string, id: string): Promise<NotificationView> {
    const path = `/internal/tenants/${seg(tenantId)}/people/${seg(userId)}/notifications/${seg(id)}/read`;
    return (await this.upstream.json<NotificationView>('communications', path, { method: 'POST' })).body;
  }
}
