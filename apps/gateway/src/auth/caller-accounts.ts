import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { CohortClaims } from '@cohort/auth';
import type { PersonView } from '@cohort/contracts';
import { GATEWAY_CONFIG, GatewayConfig } from '../gateway.config';
import { accountInactive, ApiError, GATEWAY_ERRORS, unauthenticated } from '../gateway.errors';
import { IdentityClient } from '../upstream/identity.client';

/** The most callers whose accounts are kept at once; beyond it the oldest entry is dropped. */
export const ACCOUNT_CACHE_ENTRIES = 10_000;

interface CachedAccount {
  until: number;
  account: Promise<PersonView | undefined>;
}

/**
 * The stored account (status, role, permissions) of a token's holder, read from identity. A lookup is
 * reused for GATEWAY_AUTH_CACHE_MS per (tenant, user), so a deactivation or demotion takes effect within
 * that window; concurrent requests of one caller share one lookup, and a failed lookup is not kept.
 */
@Injectable()
export class CallerAccounts {
  private readonly cache = new Map<string, CachedAccount>();

  constructor(
    private readonly identity: IdentityClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The person, or undefined when identity knows no such account; 503 when identity cannot say. */
  lookup(tenantId: string, userId: string): Promise<PersonView | undefined> {
    if (this.config.authCacheMs === 0) return this.fetch(tenantId, userId);
    const key = `${tenantId}\u0000${userId}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.until > now) return hit.account;
    const account = this.fetch(tenantId, userId);
    this.remember(key, { until: now + this.config.authCacheMs, account });
    account.catch(() => this.cache.get(key)?.account === account && this.cache.delete(key));
    return account;
  }

  private remember(key: string, entry: CachedAccount): void {
    this.cache.delete(key); // re-inserted last: the map's order is the entries' age
    if (this.cache.size >= ACCOUNT_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, entry);
  }

  private async fetch(tenantId: string, userId: string): Promise<PersonView | undefined> {
    try {
      return await this.identity.person(tenantId, userId);
    } catch (err) {
      if (err instanceof ApiError && err.getStatus() >= 400 && err.getStatus() < 500) return undefined;
      const reason = err instanceof Error ? err.message : String(err);
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, GATEWAY_ERRORS.upstreamUnavailable, `could not check the caller's account: ${reason}`, {
        service: 'identity',
      });
    }
  }
}

/**
 * The caller as the gateway acts for them: the token's tenant and user with the STORED role, permissions
 * and e-mail (a demoted Admin loses Admin rights at once). 401 AUTH.UNAUTHENTICATED for an unknown
 * account, 401 AUTH.ACCOUNT_INACTIVE unless the account is active.
 */
export function callerOf(claims: CohortClaims, person: PersonView | undefined): CohortClaims {
  if (!person) throw unauthenticated('this account does not exist');
  if (person.status !== 'active') throw accountInactive(person.status);
  return { sub: claims.sub, tid: claims.tid, role: person.role, email: person.email, perms: [...person.permissions] };
}
