import { JwtService, JwtSignOptions } from '@nestjs/jwt';

import { ROLES, Role } from '@cohort/contracts';

export { ROLES, Role };

/** What a Cohort bearer token says about its holder. */
export interface CohortClaims {
  /** userId */
  sub: string;
  /** tenantId */
  tid: string;
  role: Role;
  email: string;
  perms?: string[];
}

const ALGORITHM = 'HS256';
const jwt = new JwtService({});

export function jwtSecret(): string {
  return process.env.JWT_SECRET ?? 'cohort-dev-secret-change-me';
}

/** Signs the claims as an HS256 JWT; `expiresIn` is seconds or a timespan such as '12h'. */
export function signToken(claims: CohortClaims, secret = jwtSecret(), expiresIn: string | number = '12h'): string {
  const payload = { ...toClaims(claims) };
  return jwt.sign(payload, {
    secret,
    algorithm: ALGORITHM,
    expiresIn: expiresIn as JwtSignOptions['expiresIn'],
  });
}

/** Verifies signature (HS256 only) and expiry, and that the Cohort claims are present; throws otherwise. */
export function verifyToken(token: string, secret = jwtSecret()): CohortClaims {
  const payload: unknown = jwt.verify(token, { secret, algorithms: [ALGORITHM] });
  return toClaims(payload);
}

/** Picks and checks the Cohort claims out of a decoded payload. */
function toClaims(payload: unknown): CohortClaims {
  const p = (payload ?? {}) as Record<string, unknown>;
  for (const key of ['sub', 'tid', 'email'] as const) {
    if (typeof p[key] !== 'string' || p[key] === '') throw new Error(`token claim "${key}" is missing`);
  }
  if (!ROLES.includes(p.role as Role)) throw new Error('token claim "role" is missing or unknown');
  if (p.perms !== undefined && !(Array.isArray(p.perms) && p.perms.every((x) => typeof x === 'string'))) {
    throw new Error('token claim "perms" must be a list of strings');
  }
  const claims: CohortClaims = { sub: p.sub as string, tid: p.tid as string, role: p.role as Role, email: p.email as string };
  if (p.perms) claims.perms = p.perms as string[];
  return claims;
}
