import { z } from 'zod';
import { signToken } from '@cohort/auth';
import type { CohortClaims } from '@cohort/auth';
import { ROLES, TenantId, UserId } from '@cohort/contracts';
import type { PersonView } from '@cohort/contracts';
import { ApiError, GATEWAY_ERRORS, invalidField } from '../gateway.errors';
import { parseOrThrow } from '../http/zod-validation.pipe';
import { IdentityClient } from '../upstream/identity.client';

/** How many active people of each role the development sign-in offers. */
export const DEV_PEOPLE_PER_ROLE = 8;
/** Lifetime of a development token. */
export const DEV_TOKEN_TTL = '12h';

export interface DevPerson {
  userId: string;
  name: string;
  email: string;
  role: string;
}

const TokenRequest = z.strictObject({ tenantId: TenantId, userId: UserId });

/**
 * Development sign-in (only when CONSOLE_DEV_SIGNIN is on): a few active people of each role to pick from,
 * and a token for the one picked, minted as `npm run token` does — the person's stored role, e-mail and
 * permissions, signed with the gateway's JWT secret.
 */
export class DevSignIn {
  constructor(
    private readonly identity: IdentityClient,
    private readonly jwtSecret: string,
  ) {}

  async people(tenantId: unknown): Promise<{ tenantId: string; people: DevPerson[] }> {
    const tenant = parseOrThrow(TenantId, tenantId, () => 'tenant');
    const pages = await Promise.all(
      ROLES.map((role) => this.identity.search(tenant, { filter: { roles: [role], statuses: ['active'] }, limit: DEV_PEOPLE_PER_ROLE })),
    );
    return { tenantId: tenant, people: pages.flatMap((page) => page.items.map(({ userId, name, email, role }) => ({ userId, name, email, role }))) };
  }

  async token(body: unknown): Promise<{ token: string }> {
    const { tenantId, userId } = parseOrThrow(TokenRequest, body);
    const person = await this.identity.person(tenantId, userId);
    if (person.status !== 'active') throw invalidField('userId', `${userId} is ${person.status}: only active people can sign in`);
    return { token: signToken(claimsOf(person), this.jwtSecret, DEV_TOKEN_TTL) };
  }
}

/** The token claims of a stored person (what scripts/token.ts puts in a token). */
export function claimsOf(person: PersonView): CohortClaims {
  const claims: CohortClaims = { sub: person.userId, tid: person.tenantId, role: person.role, email: person.email };
  if (person.permissions.length) claims.perms = person.permissions;
  return claims;
}

/** The 404 of a development route while development sign-in is off. */
export const devSignInOff = () => new ApiError(404, GATEWAY_ERRORS.notFound, 'development sign-in is off (set CONSOLE_DEV_SIGNIN=1)');
