/**
 * What the chaos run observes while it runs: each job's progress (the orchestrator's job document, read
 * every 250 ms) and every work result on the results topic (to count dispatches answered twice, i.e.
 * redelivered chunks).
 */
import { Consumer, Kafka } from 'kafkajs';
import { Db } from 'mongodb';
import { ChunkResult } from '@cohort/contracts';

const POLL_MS = 250;

export interface JobSnapshot {
  status: string;
  total: number | null;
  finished: number;
  counts: Record<string, number>;
}

type Counts = Record<string, number>;
export const finishedOf = (c: Counts) => (c.succeeded ?? 0) + (c.skipped ?? 0) + (c.failed ?? 0) + (c.cancelled ?? 0);
const ENDED = new Set(['completed', 'failed', 'cancelled']);

/** One job's progress as the orchestrator records it: the times its finished count went up. */
export class JobProgress {
  jobId?: string;
  last?: JobSnapshot;
  /** [ms epoch, finished] each time the finished count rose */
  readonly rises: [number, number][] = [];
  endedAt?: number;

  constructor(
    readonly label: string,
    readonly commandId: string,
    readonly expected: number,
  ) {}

  get ended(): boolean {
    return this.last !== undefined && ENDED.has(this.last.status);
  }

  get fraction(): number {
    return this.last ? this.last.finished / this.expected : 0;
  }

  /** time of the last rise (or undefined) */
  get lastRiseAt(): number | undefined {
    return this.rises.at(-1)?.[0];
  }

  observe(snapshot: JobSnapshot, at: number): void {
    const before = this.last?.finished ?? 0;
    this.last = snapshot;
    if (snapshot.finished > before) this.rises.push([at, snapshot.finished]);
    if (this.ended && this.endedAt === undefined) this.endedAt = at;
  }

  /** Did the finished count rise after `t`? */
  roseAfter(t: number): boolean {
    const last = this.lastRiseAt;
    return last !== undefined && last > t;
  }

  /**
   * The longest time without progress around a disruption: the longest gap between consecutive rises
   * (from `start` when none came before) that overlaps [from, to]; a gap still open at the end runs to the
   * job's end (or `now`). undefined when the job had ended before `from`.
   */
  stallAround(from: number, to: number, start: number, now: number): number | undefined {
    if (this.endedAt !== undefined && this.endedAt <= from) return undefined;
    const times = [start, ...this.rises.map(([t]) => t), this.endedAt ?? now];
    let worst = 0;
    for (let i = 1; i < times.length; i++) {
      const [a, b] = [times[i - 1], times[i]];
      if (b >= from && a <= to) worst = Math.max(worst, b - a);
    }
    return worst;
  }
}

/** Polls the orchestrator's `commands` (for the job id) and `jobs` documents of each job. */
export class ProgressPoller {
  private timer?: NodeJS.Timeout;
  private busy = false;
  errors = 0;

  constructor(
    private readonly orchestratorDb: Db,
    private readonly tenantId: string,
    readonly jobs: JobProgress[],
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.poll(), POLL_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const job of this.jobs) {
        if (job.ended) continue;
        if (!job.jobId) {
          const claim = await this.orchestratorDb
            .collection<{ _id: string; jobId: string }>('commands')
            .findOne({ _id: `${this.tenantId}:${job.commandId}` });
          if (!claim) continue;
          job.jobId = claim.jobId;
        }
        const doc = await this.orchestratorDb
          .collection<{ _id: string; status: string; total: number | null; counts: Counts }>('jobs')
          .findOne({ _id: job.jobId }, { projection: { status: 1, total: 1, counts: 1 } });
        if (doc) job.observe({ status: doc.status, total: doc.total, counts: doc.counts, finished: finishedOf(doc.counts) }, Date.now());
      }
    } catch {
      this.errors++;
    } finally {
      this.busy = false;
    }
  }
}

/** Every result on the results topic: a dispatch (job, step, chunk, attempt) answered twice with the same people was redelivered. */
export class ResultsWatch {
  private consumer?: Consumer;
  /** results seen, by service */
  readonly results: Record<string, number> = {};
  /** dispatches answered more than once with the same people, by service and step */
  readonly repeats: Record<string, number> = {};
  private readonly seen = new Set<string>();
  invalid = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly groupId: string,
    private readonly jobIds: () => string[],
  ) {}

  async start(): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        let result: ChunkResult;
        try {
          result = ChunkResult.parse(JSON.parse(message.value?.toString() ?? 'null'));
        } catch {
          this.invalid++;
          return;
        }
        if (!this.jobIds().includes(result.jobId)) return;
        this.results[result.service] = (this.results[result.service] ?? 0) + 1;
        const people = result.outcomes
          .map((o) => o.userId)
          .sort()
          .join(',');
        const key = `${result.jobId}|${result.step}|${result.chunk}|${result.attempt}|${people}`;
        if (this.seen.has(key)) {
          const k = `${result.service} step ${result.step}`;
          this.repeats[k] = (this.repeats[k] ?? 0) + 1;
        } else this.seen.add(key);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
  }
}
