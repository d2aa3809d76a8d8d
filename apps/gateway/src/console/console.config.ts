import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '@cohort/common';

const flag = z
  .enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off', ''])
  .default('')
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** What only the console's serving reads from the environment. */
const ConsoleEnv = z.object({
  CONSOLE_DIR: z.string().min(1).optional(),
  CONSOLE_DEV_SIGNIN: flag,
  CONSOLE_DEV_TENANT: z.string().min(1).max(128).default('demo'),
});

export interface ConsoleConfig {
  /** the built console (index.html and assets/), or undefined when it has not been built */
  dir: string | undefined;
  /**
   * development sign-in: pick a person of a tenant and get a token for them, without a password. Only
   * when explicitly switched on (`npm start` does), never in a default deployment.
   */
  devSignIn: boolean;
  /** the tenant whose people the development sign-in offers first */
  devTenant: string;
}

/**
 * Where `npm run build:console` puts the console: `dist/console` at the repository root, found from
 * this file whether it runs compiled (dist/apps/gateway/src/console) or from source (apps/gateway/src/console).
 */
export function builtConsoleDir(): string | undefined {
  const candidates = [resolve(__dirname, '../../../../console'), resolve(__dirname, '../../../../dist/console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const parsed = ConsoleEnv.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid environment for the console: ${problems}`);
  }
  const e = parsed.data;
  const dir = e.CONSOLE_DIR ? (existsSync(join(e.CONSOLE_DIR, 'index.html')) ? resolve(e.CONSOLE_DIR) : undefined) : builtConsoleDir();
  return { dir, devSignIn: e.CONSOLE_DEV_SIGNIN, devTenant: e.CONSOLE_DEV_TENANT };
}

export const CONSOLE_CONFIG = Symbol('CONSOLE_CONFIG');
