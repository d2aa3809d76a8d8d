import { Inject, Injectable } from '@nestjs/common';
import { GroupList } from '@cohort/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { GroupNames } from './export-row';

/** membership could not list the tenant's groups now (no answer, a time-out, a 5xx): try the download again. */
export class MembershipUnavailableError extends Error {}

const TIMEOUT_MS = 10_000;

/** membership's `GET /internal/tenants/:t/groups`: the names an export gives the teams and groups it lists. */
@Injectable()
export class MembershipGroupsClient {
  private readonly base: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.base = config.urls.membership.replace(/\/+$/, '');
  }

  async names(tenantId: string): Promise<GroupNames> {
    let body: unknown;
    try {
      const res = await fetch(`${this.base}/internal/tenants/${encodeURIComponent(tenantId)}/groups`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`HTTP ${res.status}`);
      }
      body = await res.json();
    } catch (err) {
      throw new MembershipUnavailableError(`membership could not list the groups: ${(err as Error).message}`);
    }
    const parsed = GroupList.safeParse(body);
    if (!parsed.success) throw new MembershipUnavailableError(`membership sent an unexpected group list: ${parsed.error.issues[0]?.message}`);
    return new Map(parsed.data.items.map((g) => [g.groupId, { name: g.name, kind: g.kind }]));
  }
}
