import { createHash } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { GatewayConfig } from '../gateway.config';
import { CallerRequest, isUnmeteredPath } from './caller';

/**
 * @nestjs/throttler options: `limit` requests per `windowMs` per bearer token across the whole API
 * (per client address without a token, e.g. on the e-mailed token links); probes and docs are not
 * counted. The token itself is never stored or logged, only a hash of it.
 */
export function rateLimitOptions({ rateLimit }: GatewayConfig): ThrottlerModuleOptions {
  return {
    throttlers: [{ ttl: rateLimit.windowMs, limit: rateLimit.limit }],
    errorMessage: 'too many requests: slow down and retry after the Retry-After seconds',
    skipIf: (context: ExecutionContext) => isUnmeteredPath(context.switchToHttp().getRequest<CallerRequest>().path),
    getTracker: (req: Record<string, unknown>) => rateLimitTracker(req as unknown as CallerRequest),
    generateKey: (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`,
  };
}

export function rateLimitTracker(req: Pick<CallerRequest, 'headers' | 'ip'>): string {
  const match = /^Bearer +(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
  if (match) return `token:${createHash('sha256').update(match[1]).digest('hex').slice(0, 32)}`;
  return `ip:${req.ip ?? 'unknown'}`;
}
