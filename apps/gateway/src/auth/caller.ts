import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CohortClaims } from '@cohort/auth';
import { unauthenticated } from '../gateway.errors';
import { isTokenLinkPath } from './token-links';

/** A request the bearer guard has authenticated: `caller` holds the token's claims. */
export interface CallerRequest extends Request {
  caller?: CohortClaims;
}

/** The chassis' probes and the API documentation: no token, and not rate-limited. */
const PROBES = ['/health', '/metrics'];

export function isUnmeteredPath(path: string): boolean {
  return PROBES.includes(path) || path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-');
}

/** Routes that answer without a bearer token: the unmetered ones and the e-mailed token links (rate-limited per address). */
export function isPublicPath(path: string): boolean {
  return isUnmeteredPath(path) || isTokenLinkPath(path);
}

/** The authenticated caller's claims: tenant (`tid`) and user (`sub`) come from the token only. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): CohortClaims => {
  const caller = context.switchToHttp().getRequest<CallerRequest>().caller;
  if (!caller) throw unauthenticated('missing bearer token');
  return caller;
});
