import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InfraState } from '@cohort/testing';

/**
 * The README's first command as a user runs it (issue 29): `npm start` in a process group of its own, as a
 * terminal runs it, on ports and a data directory of its own (the suite's infrastructure keeps running).
 * Ctrl-C is SIGINT to the whole group: every process in it gets the signal at once, wrappers included.
 */
const ROOT = resolve(__dirname, '../..');
const PORTS = {
  services: [3300, 3301, 3302, 3303, 3304, 3305],
  kafka: [19392, 19393],
  mongo: [27318],
  smtp: [1325, 1380],
};
const ALL_PORTS = Object.values(PORTS).flat();
const BANNER_TIMEOUT_MS = 6 * 60_000;
const STOP_LIMIT_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const end = (yes: boolean) => {
      socket.destroy();
      done(yes);
    };
    socket.setTimeout(1000, () => end(false));
    socket.once('connect', () => end(true));
    socket.once('error', () => end(false));
  });
}

async function listeningPorts(): Promise<number[]> {
  const open = await Promise.all(ALL_PORTS.map(listening));
  return ALL_PORTS.filter((_, i) => open[i]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One `npm start` in its own process group, its output collected. */
class NpmStart {
  readonly child: ChildProcess;
  output = '';
  exited?: { code: number | null; signal: NodeJS.Signals | null };

  constructor(dataDir: string) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    // the suite's own infrastructure and prefixes: npm start must bring up and stop its own
    for (const k of ['KAFKA_BROKERS', 'MONGO_URL', 'SMTP_URL', 'SMTP_WEB_URL', 'KAFKA_TOPIC_PREFIX', 'MONGO_DB_PREFIX', 'LOG_LEVEL']) delete env[k];
    Object.assign(env, {
      COHORT_DATA_DIR: dataDir,
      COHORT_PORT_BASE: String(PORTS.services[0]),
      COHORT_KAFKA_PORT: String(PORTS.kafka[0]),
      COHORT_MONGO_PORT: String(PORTS.mongo[0]),
      COHORT_SMTP_PORT: String(PORTS.smtp[0]),
      COHORT_SMTP_WEB_PORT: String(PORTS.smtp[1]),
      LOG_LEVEL: 'warn',
    });
    this.child = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (b: Buffer) => (this.output += b.toString()));
    this.child.stderr!.on('data', (b: Buffer) => (this.output += b.toString()));
    this.child.once('exit', (code, signal) => (this.exited = { code, signal }));
  }

  get group(): number {
    return this.child.pid!;
  }

  async banner(): Promise<void> {
    const deadline = Date.now() + BANNER_TIMEOUT_MS;
    while (!this.output.includes('Cohort is running.')) {
      if (this.exited) throw new Error(`npm start exited (${JSON.stringify(this.exited)}) before its banner:\n${this.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`no banner after ${BANNER_TIMEOUT_MS / 1000} s:\n${this.output.slice(-3000)}`);
      await sleep(500);
    }
  }

  /** Signals the whole process group, as a terminal does. */
  signalGroup(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.group, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Waits until nothing listens on the run's ports and every process it recorded is gone; what is left otherwise. */
async function waitAllStopped(pids: number[], limitMs: number): Promise<{ ms: number; ports: number[]; pids: number[] }> {
  const t0 = Date.now();
  for (;;) {
    const ports = await listeningPorts();
    const left = pids.filter(alive);
    if ((!ports.length && !left.length) || Date.now() - t0 > limitMs) return { ms: Date.now() - t0, ports, pids: left };
    await sleep(250);
  }
}

/** The pids the run's state file records: infrastructure, services and the start script itself. */
function recordedPids(dataDir: string): { all: number[]; startScript?: number } {
  const state = JSON.parse(readFileSync(join(dataDir, 'infra.json'), 'utf8')) as InfraState;
  const infra = [state.kafka?.pid, state.mongo?.pid, state.smtp?.pid].filter((p): p is number => !!p);
  const services = state.services?.processes.map((p) => p.pid) ?? [];
  return { all: [...infra, ...services], startScript: state.services?.owner.pid };
}

describe('npm start: Ctrl-C stops everything it started, and a killed run is cleaned up by the next', () => {
  let dataDir: string;
  const runs: NpmStart[] = [];

  beforeAll(async () => {
    const busy = await listeningPorts();
    if (busy.length) throw new Error(`ports this test needs are in use: ${busy.join(', ')}`);
    dataDir = mkdtempSync(join(tmpdir(), 'cohort-npm-start-'));
  });

  afterAll(async () => {
    for (const run of runs) run.signalGroup('SIGINT');
    await waitAllStopped(recordedPidsSafe(), STOP_LIMIT_MS);
    for (const run of runs) run.signalGroup('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  const recordedPidsSafe = () => {
    try {
      return recordedPids(dataDir).all;
    } catch {
      return [];
    }
  };

  it(
    'SIGINT to the process group: within 30 s nothing listens on its ports and every process it started is gone',
    async () => {
      const run = new NpmStart(dataDir);
      runs.push(run);
      await run.banner();
      const { all } = recordedPids(dataDir);
      expect(all.length).toBe(9); // Kafka, the store, MailDev and the six services
      expect(await listeningPorts()).toEqual(ALL_PORTS);

      run.signalGroup('SIGINT');
      const left = await waitAllStopped(all, STOP_LIMIT_MS);
      expect({ ports: left.ports, pids: left.pids }).toEqual({ ports: [], pids: [] });
      while (!run.exited) await sleep(100);
      expect(run.output).toContain('[start] stopped');
    },
    BANNER_TIMEOUT_MS + 2 * STOP_LIMIT_MS,
  );

  it(
    'after kill -9 of the start script, the next npm start stops what it left running, says so, and comes up',
    async () => {
      const first = new NpmStart(dataDir);
      runs.push(first);
      await first.banner();
      const { all, startScript } = recordedPids(dataDir);
      expect(startScript).toBeDefined();
      process.kill(startScript!, 'SIGKILL');
      await sleep(1000);
      // Kafka, the store and MailDev (in process groups of their own) outlive it: leftovers; the orphaned services may too
      const infraPids = all.slice(0, 3);
      expect(infraPids.filter(alive)).toEqual(infraPids);

      const second = new NpmStart(dataDir);
      runs.push(second);
      await second.banner();
      for (const what of ['Kafka', 'the MongoDB-protocol server', 'MailDev'])
        expect(second.output).toMatch(
          new RegExp(`stopping ${what} \\(pid \\d+\\), left running by npm start \\(pid ${startScript}\\) which is gone`),
        );
      expect(all.filter(alive)).toEqual([]); // the leftovers stopped; the second run's processes are new ones
      expect(await listeningPorts()).toEqual(ALL_PORTS);

      const secondPids = recordedPids(dataDir).all;
      second.signalGroup('SIGINT');
      const left = await waitAllStopped(secondPids, STOP_LIMIT_MS);
      expect({ ports: left.ports, pids: left.pids }).toEqual({ ports: [], pids: [] });
      first.signalGroup('SIGKILL'); // its npm and bootstrap wrappers, if still there
    },
    2 * BANNER_TIMEOUT_MS + 2 * STOP_LIMIT_MS,
  );
});
