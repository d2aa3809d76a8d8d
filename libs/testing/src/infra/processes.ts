import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { LOG_DIR } from './paths';

export class InfraError extends Error {}

/** Fails with one clear line when a required tool is missing. */
export function requireTool(cmd: string, versionArg: string, hint: string): void {
  const r = spawnSync(cmd, [versionArg], { stdio: 'ignore' });
  if (r.error || r.status !== 0) throw new InfraError(`${cmd} not found: ${hint}`);
}

/** Starts a process in its own process group, output to .cohort/logs/<name>.log; returns its pid. */
export function startDetached(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = openSync(join(LOG_DIR, `${name}.log`), 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', log, log], env: { ...process.env, ...env } });
  if (!child.pid) throw new InfraError(`could not start ${name} (${cmd})`);
  child.unref();
  return child.pid;
}

export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the process group, then SIGKILL after the grace period. */
export async function stopProcess(pid: number, graceMs = 15000): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) signal('SIGKILL');
  while (isAlive(pid)) await sleep(50);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A port is free when we can bind it on 127.0.0.1. */
export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export async function assertPortFree(port: number, what: string, override: string): Promise<void> {
  if (!(await portFree(port))) {
    throw new InfraError(`port ${port} (${what}) is in use by another process: stop it, or set ${override}`);
  }
}

/** Polls `check` until it returns true; fails with the process's log path if it never does or the process dies. */
export async function waitFor(name: string, pid: number, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    if (!isAlive(pid)) throw new InfraError(`${name} exited during start-up; see ${join(LOG_DIR, `${name}.log`)}`);
    await sleep(250);
  }
  throw new InfraError(`${name} did not become ready in ${timeoutMs / 1000}s; see ${join(LOG_DIR, `${name}.log`)}`);
}

export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw new InfraError(`${cmd} failed: ${r.error.message}`);
  if (r.status !== 0) throw new InfraError(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr || r.stdout).slice(-2000)}`);
  return r.stdout;
}
