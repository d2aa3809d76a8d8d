import { createHash } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import { jwtSecret as configuredSecret, verifyToken } from '@cohort/auth';
import type { GatewayConfig } from '../gateway.config';
import { CallerRequest, isUnmeteredPath } from './caller';

/**
 * @nestjs/throttler options: `limit` requests per `windowMs` per bearer token across the whole API;
 * per client address without a valid token (none, forged, expired — so guessing tokens is metered too —
 * and on the e-mailed token links); probes and docs are not counted. The token itself is never stored
 * or logged, only a hash of it.
 */
export function rateLimitOptions({ rateLimit }: GatewayConfig, jwtSecret = configuredSecret()): ThrottlerModuleOptions {
  return {
    throttlers: [{ ttl: rateLimit.windowMs, limit: rateLimit.limit }],
    errorMessage: 'too many requests: slow down and retry after the Retry-After seconds',
    skipIf: (context: ExecutionContext) => isUnmeteredPath(context.switchToHttp().getRequest<CallerRequest>().path),
    getTracker: (req: Record<string, unknown>) => rateLimitTracker(req as unknown as CallerRequest, jwtSecret),
    generateKey: (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`,
  };
}

/** `token:<hash>` for a bearer token that verifies (signature, expiry, claims), else `ip:<address>`. */
export function rateLimitTracker(req: Pick<CallerRequest, 'headers' | 'ip'>, jwtSecret: string): string {
  const match = /^Bearer +(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
  if (match && verifies(match[1], jwtSecret)) return `token:${createHash('sha256').update(match[1]).digest('hex').slice(0, 32)}`;
  return `ip:${req.ip ?? 'unknown'}`;
}

function verifies(token: string, secret: string): boolean {
  try {
    verifyToken(token, secret);
    return true;
  } catch {
    return false;
  }
}
