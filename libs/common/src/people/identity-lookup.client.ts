import { Inject, Injectable } from '@nestjs/common';
import { PeopleFound, PersonView } from '@cohort/contracts';
import { SERVICE_CONFIG, ServiceConfig } from '../config';

/** identity could not say who the people are right now (no answer, a time-out, a 5xx): worth retrying. */
export class IdentityLookupError extends Error {}

const TIMEOUT_MS = 10_000;

/**
 * identity's `POST /internal/tenants/:t/people/lookup` (libs/contracts/src/internal/identity-api.ts): which
 * people of a chunk exist in the tenant, as participants that hold no people of their own read it. One call
 * per chunk; an id of another tenant is simply absent (so it is "not found" for that person).
 */
@Injectable()
export class IdentityLookupClient {
  private readonly base: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.base = config.urls.identity.replace(/\/+$/, '');
  }

  /** The people that exist, by user id; throws IdentityLookupError when identity cannot answer. */
  async people(tenantId: string, userIds: readonly string[]): Promise<Map<string, PersonView>> {
    const unique = [...new Set(userIds)];
    const found = new Map<string, PersonView>();
    if (unique.length === 0) return found;
    const url = `${this.base}/internal/tenants/${encodeURIComponent(tenantId)}/people/lookup`;
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userIds: unique }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new IdentityLookupError(`identity: ${(err as Error).message}`);
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new IdentityLookupError(`identity answered HTTP ${res.status} to a people lookup`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      throw new IdentityLookupError(`identity sent an unreadable people lookup: ${(err as Error).message}`);
    }
    const parsed = PeopleFound.safeParse(body);
    if (!parsed.success) throw new IdentityLookupError(`identity sent an unexpected people lookup: ${parsed.error.issues[0]?.message}`);
    for (const person of parsed.data.people) found.set(person.userId, person);
    return found;
  }
}
