import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
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

/** A process as these scripts remember it: its pid and, where /proc tells, when it started (a reused pid is another process). */
export interface ProcRef {
  pid: number;
  /** /proc/<pid>/stat start time (clock ticks after boot); absent where there is no /proc */
  startedAt?: number;
}

/** When the process started, in clock ticks after boot (Linux /proc); undefined when it is gone or unknown. */
export function procStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return undefined;
  }
}

export function procRef(pid: number): ProcRef {
  return { pid, startedAt: procStartTime(pid) };
}

/** The process still runs and is the one remembered (not another that got its pid). */
export function stillRunning(ref: ProcRef | undefined): boolean {
  if (!ref || !isAlive(ref.pid)) return false;
  if (ref.startedAt === undefined) return true;
  const now = procStartTime(ref.pid);
  return now === undefined || now === ref.startedAt;
}

/** The command line of a process ('' when unknown). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** The pids of the processes listening on a TCP port (Linux /proc; [] elsewhere or when none). */
export function listeners(port: number): number[] {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local address "ADDR:PORT" (hex), state 0A = LISTEN, inode in column 10
      if (f.length > 9 && f[3] === '0A' && parseInt(f[1].split(':')[1], 16) === port) inodes.add(f[9]);
    }
  }
  if (!inodes.size) return [];
  const pids: number[] = [];
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    for (const fd of safeReaddir(`/proc/${entry}/fd`)) {
      let target = '';
      try {
        target = readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1])) {
        pids.push(Number(entry));
        break;
      }
    }
  }
  return pids;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
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
    const holder = listeners(port)[0];
    const who = holder ? `pid ${holder}: ${commandLine(holder).slice(0, 120)}` : 'another process';
    throw new InfraError(`port ${port} (${what}) is in use by ${who}; stop it, or set ${override}`);
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
