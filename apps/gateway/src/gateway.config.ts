import { Module } from '@nestjs/common';
import { z } from 'zod';
import { ConfigError } from '@cohort/common';

/** What only the gateway reads from the environment, beside the shared ServiceConfig. */
const GatewayEnv = z.object({
  GATEWAY_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  GATEWAY_RATE_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  GATEWAY_SSE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
  GATEWAY_UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  GATEWAY_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  GATEWAY_PART_TIMEOUT_MS: z.coerce.number().int().min(50).default(2000),
});

export interface GatewayConfig {
  /** requests per token (or per address, without a token) in one window */
  rateLimit: { limit: number; windowMs: number };
  /** interval of the comment line that keeps an SSE connection open through proxies */
  sseHeartbeatMs: number;
  /** how long an internal API may take to answer (to its response headers, for streams) */
  upstreamTimeoutMs: number;
  /**
   * how long the caller's stored account (status, role, permissions) is reused before identity is asked
   * again: a deactivation or demotion takes effect within this window (0: ask on every request)
   */
  authCacheMs: number;
  /**
   * how long a service may take to answer for an optional part of an answer (a profile's groups, learning
   * or inbox; course titles of the group list): past it the part is left out, the answer is not failed
   */
  partTimeoutMs: number;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = GatewayEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid environment for gateway: ${problems}`);
  }
  const e = parsed.data;
  return {
    rateLimit: { limit: e.GATEWAY_RATE_LIMIT, windowMs: e.GATEWAY_RATE_WINDOW_MS },
    sseHeartbeatMs: e.GATEWAY_SSE_HEARTBEAT_MS,
    upstreamTimeoutMs: e.GATEWAY_UPSTREAM_TIMEOUT_MS,
    authCacheMs: e.GATEWAY_AUTH_CACHE_MS,
    partTimeoutMs: e.GATEWAY_PART_TIMEOUT_MS,
  };
}

/** Provides GATEWAY_CONFIG (imported where a module factory needs it, e.g. the rate limiter's). */
@Module({
  providers: [{ provide: GATEWAY_CONFIG, useFactory: () => loadGatewayConfig() }],
  exports: [GATEWAY_CONFIG],
})
export class GatewayConfigModule {}
