/** Service child processes of the engine bench, and what /proc says about any process (RSS, peak RSS, CPU time). */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const HOST = '127.0.0.1';

/**
 * The secrets of one bench run, random and strong: the benches start the services with NODE_ENV=production,
 * which refuses development defaults. The bench signs its own tokens with `JWT_SECRET` from here.
 */
export function benchSecrets(): { JWT_SECRET: string; IDENTITY_TOKEN_SECRET: string } {
  return { JWT_SECRET: randomBytes(32).toString('base64url'), IDENTITY_TOKEN_SECRET: randomBytes(32).toString('base64url') };
}
const KiB_PER_MiB = 1024;

let clockTicks: number | undefined;

/** Clock ticks per second of /proc/<pid>/stat's CPU times (100 on every usual Linux). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

export interface ProcSample {
  /** resident set size now */
  rssMiB: number;
  /** peak resident set size since the process started (VmHWM) */
  peakMiB: number;
  /** user + system CPU seconds since the process started */
  cpuSeconds: number;
}

/** RSS, peak RSS and CPU time of a live process; undefined when it is gone (or not readable). */
export function readProc(pid: number | undefined): ProcSample | undefined {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after "(comm)": state is field 3, utime field 14, stime field 15
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(rest[11]) + Number(rest[12]);
    return { rssMiB: kib('VmRSS') / KiB_PER_MiB, peakMiB: kib('VmHWM') / KiB_PER_MiB, cpuSeconds: ticks / ticksPerSecond() };
  } catch {
    return undefined;
  }
}

/** A free TCP port on 127.0.0.1 (free when asked; the service binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One service (`node dist/apps/<name>/src/main.js`) with its output in a log file. */
export class ServiceProcess {
  readonly url: string;
  private readonly child: ChildProcess;
  private exit?: { code: number | null; signal: NodeJS.Signals | null };
  private readonly exited: Promise<void>;
  /** the last sample taken while it ran (its VmHWM is the peak RSS once the process is gone) */
  last?: ProcSample;

  /** `name` is the service, or `<service>-<n>` for another replica of it */
  constructor(
    readonly name: string,
    readonly port: number,
    readonly logFile: string,
    cwd: string,
    env: NodeJS.ProcessEnv,
    /** extra node options, e.g. `--cpu-prof --cpu-prof-dir=…` */
    nodeArgs: string[] = [],
  ) {
    this.url = `http://${HOST}:${port}`;
    const service = name.replace(/-\d+$/, '');
    const fd = openSync(logFile, 'a');
    try {
      this.child = spawn(process.execPath, [...nodeArgs, `dist/apps/${service}/src/main.js`], { cwd, env, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve();
      });
      this.child.once('error', (err) => {
        this.exit = { code: null, signal: null };
        process.stderr.write(`[bench] ${name}: ${err.message}\n`);
        resolve();
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  get exitDescription(): string {
    return this.exit ? (this.exit.signal ?? `exit ${this.exit.code}`) : 'running';
  }

  sample(): ProcSample | undefined {
    const s = readProc(this.pid);
    if (s) this.last = s;
    return s;
  }

  /** Polls GET /health until it answers 200; throws when the process exits or the time is up. */
  async waitHealthy(timeoutMs = 90_000): Promise<number> {
    const t0 = Date.now();
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited (${this.exitDescription}) before it was healthy; see ${this.logFile}`);
      try {
        const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return Date.now() - t0;
      } catch {
        /* not listening yet */
      }
      if (Date.now() - t0 > timeoutMs) throw new Error(`${this.name} not healthy after ${timeoutMs / 1000}s; see ${this.logFile}`);
      await sleep(250);
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<{ signal: 'SIGTERM' | 'SIGKILL' | 'none'; ms: number; exit: string }> {
    const t0 = Date.now();
    if (!this.running) return { signal: 'none', ms: 0, exit: this.exitDescription };
    this.sample();
    this.child.kill('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (stopped) return { signal: 'SIGTERM', ms: Date.now() - t0, exit: this.exitDescription };
    this.child.kill('SIGKILL');
    await Promise.race([this.exited, sleep(5000)]);
    return { signal: 'SIGKILL', ms: Date.now() - t0, exit: this.exitDescription };
  }

  /** SIGKILL at once, like a crash (no shutdown hooks run); resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.sample();
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Last lines of the log file. */
  tail(lines = 80): string[] {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines);
    } catch {
      return [];
    }
  }
}

/** Busy CPU seconds of the whole machine since boot (all cores: user, nice, system, irq, softirq, steal). */
export function machineBusySeconds(): number {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) / ticksPerSecond();
  } catch {
    return NaN;
  }
}
