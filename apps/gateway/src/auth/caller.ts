import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CohortClaims } from '@cohort/auth';
import { unauthenticated } from '../gateway.errors';

/** A request the bearer guard has authenticated: `caller` holds the token's claims. */
export interface CallerRequest extends Request {
  caller?: CohortClaims;
}

/** Routes that answer without a token: the chassis' probes and the API documentation. */
const PUBLIC_PATHS = ['/health', '/metrics'];

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.includes(path) || path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-');
}

/** The authenticated caller's claims: tenant (`tid`) and user (`sub`) come from the token only. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): CohortClaims => {
  const caller = context.switchToHttp().getRequest<CallerRequest>().caller;
  if (!caller) throw unauthenticated('missing bearer token');
  return caller;
});
