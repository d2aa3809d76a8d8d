import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, ServiceProcess } from '../../bench/engine/processes';

export { freePort };

const ROOT = resolve(__dirname, '../..');

/** `npm run build` (swc to dist/, a few seconds): the built services are what gets spawned. */
export function buildServices(): void {
  const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`npm run build failed (${built.signal ?? `exit ${built.status}`})`);
}

/** A service of dist/ as its own process, on a free port, its output (stdout and stderr) in a log file. */
export interface BuiltService {
  process: ServiceProcess;
  url: string;
  /** every line it wrote so far */
  output(): string;
}

/**
 * Starts `node [nodeArgs] dist/apps/<name>/src/main.js` with this run's environment (broker, store and
 * topic/database prefixes of the jest run) plus `env`, on `port` (else a free one), and waits for its /health.
 */
export async function startBuiltService(
  name: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  port?: number,
): Promise<BuiltService> {
  port ??= await freePort();
  const logFile = join(mkdtempSync(join(tmpdir(), `cohort-${name}-`)), `${name}.log`);
  const proc = new ServiceProcess(name, port, logFile, ROOT, { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, nodeArgs);
  try {
    await proc.waitHealthy(120_000);
  } catch (err) {
    await proc.stop();
    throw new Error(`${(err as Error).message}\n${proc.tail(40).join('\n')}`);
  }
  return { process: proc, url: proc.url, output: () => readFileSync(logFile, 'utf8') };
}
