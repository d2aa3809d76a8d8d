/**
 * The chaos run's own Kafka broker: the shared one on 127.0.0.1:19092 carries other people's tests, so the
 * run starts a second single-node KRaft broker on free ports with a data directory of its own, which it
 * may kill and start again, and removes when done.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startKafka } from '@cohort/testing/infra/kafka';
import { isAlive, portFree, sleep, stopProcess } from '@cohort/testing/infra/processes';
import { LOG_DIR } from '@cohort/testing/infra/paths';
import { freePort } from '../engine/processes';

/** Two consecutive free ports (client, controller). */
async function freePortPair(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = await freePort();
    if (port < 65535 && (await portFree(port + 1))) return port;
  }
  throw new Error('no two consecutive free ports for the chaos broker');
}

export class PrivateBroker {
  pid?: number;
  readonly brokers: string;
  readonly logFile: string;

  private constructor(
    readonly port: number,
    readonly dir: string,
    readonly name: string,
  ) {
    this.brokers = `127.0.0.1:${port}`;
    this.logFile = join(LOG_DIR, `${name}.log`);
  }

  /** Starts a broker on free ports whose data lives in `dir` (formatted on first start). */
  static async start(dir: string, name: string): Promise<PrivateBroker> {
    const broker = new PrivateBroker(await freePortPair(), dir, name);
    await broker.up();
    return broker;
  }

  /** Starts it (again, on the same ports and data); resolves once it answers a metadata request. */
  async up(): Promise<number> {
    const t0 = Date.now();
    for (let i = 0; !(await portFree(this.port)) || !(await portFree(this.port + 1)); i++) {
      if (i > 100) throw new Error(`ports ${this.port}/${this.port + 1} of the chaos broker stay taken`);
      await sleep(100);
    }
    const { pid } = await startKafka({ port: this.port, dir: this.dir, name: this.name, heap: process.env.COHORT_CHAOS_KAFKA_HEAP ?? '512m' });
    this.pid = pid;
    return Date.now() - t0;
  }

  /** kill -9 of the broker's process group: no controlled shutdown, the logs are recovered on the next start. */
  async kill(): Promise<void> {
    const pid = this.pid;
    if (!pid) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone already */
      }
    }
    while (isAlive(pid)) await sleep(50);
    this.pid = undefined;
  }

  /** Stops it (SIGTERM, then SIGKILL) and removes its data unless `keep`. */
  async stop(keep = false): Promise<void> {
    if (this.pid) await stopProcess(this.pid, 15_000);
    this.pid = undefined;
    if (!keep) rmSync(this.dir, { recursive: true, force: true });
  }
}
