import { Injectable } from '@nestjs/common';
import type { GroupList, ManagerScope, PersonMemberships } from '@cohort/contracts';
import { seg, UpstreamClient } from './upstream.client';

/** membership's internal API (libs/contracts/src/internal/membership-api.ts), per tenant. */
@Injectable()
export class MembershipClient {
  constructor(private readonly upstream: UpstreamClient) {}

  /** Teams and groups with their auto-enrolment targets and managers. */
  async groups(tenantId: string): Promise<GroupList> {
    return (await this.upstream.json<GroupList>('membership', `/internal/tenants/${seg(tenantId)}/groups`)).body;
  }

  /** A person's teams and groups and who they are shared with (empty lists for someone unknown). */
  async memberships(tenantId: string, userId: string, timeoutMs?: number): Promise<PersonMemberships> {
    const path = `/internal/tenants/${seg(tenantId)}/people/${seg(userId)}/memberships`;
    return (await this.upstream.json<PersonMemberships>('membership', path, { timeoutMs })).body;
  }

  /** The people a manager sees: members of the teams they manage and people shared with them (at most 10,000). */
  async managerScope(tenantId: string, userId: string): Promise<ManagerScope> {
    const path = `/internal/tenants/${seg(tenantId)}/managers/${seg(userId)}/people`;
    return (await this.upstream.json<ManagerScope>('membership', path)).body;
  }
}
