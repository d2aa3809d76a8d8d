import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { CohortClaims, verifyToken } from '@cohort/auth';
import { SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { unauthenticated } from '../gateway.errors';
import { CallerRequest, isPublicPath } from './caller';
import { CallerAccounts, callerOf } from './caller-accounts';

/**
 * Global guard: every route but the public ones needs `Authorization: Bearer <jwt>`, an HS256 token
 * signed with the configured secret, unexpired, with the Cohort claims, whose holder's account is
 * active in identity (else 401). The caller's role and permissions are the stored ones, not the token's.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly accounts: CallerAccounts,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<CallerRequest>();
    if (isPublicPath(req.path)) return true;
    const claims = authenticate(req.headers.authorization, this.config.jwtSecret);
    req.caller = callerOf(claims, await this.accounts.lookup(claims.tid, claims.sub));
    return true;
  }
}

/** The claims of a bearer Authorization header, or 401 saying what is wrong (never echoing the token). */
export function authenticate(header: string | undefined, secret: string): CohortClaims {
  if (!header) throw unauthenticated('missing bearer token');
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
  try {
    return verifyToken(match[1], secret);
  } catch (err) {
    throw unauthenticated(rejection(err));
  }
}

function rejection(err: unknown): string {
  const e = err instanceof Error ? err : new Error(String(err));
  if (e.name === 'TokenExpiredError') return 'token expired';
  if (e.name === 'NotBeforeError') return 'token not active yet';
  return `invalid token: ${e.message}`;
}
