import { Logger } from '@nestjs/common';
import { actionById, ChunkResult, ItemCounts, Outcome, Reason, TOPICS, workTopic, WorkChunk, WorkLane } from '@cohort/contracts';
import { KafkaPublisher } from '@cohort/messaging';
import { DecideClient } from '../clients/decide.client';
import { Chunk, GEN_SPAN } from '../jobs/chunk.schema';
import { ChunkSummary } from '../jobs/chunks.repository';
import { Job } from '../jobs/job.schema';
import { JobsRepository } from '../jobs/jobs.repository';
import { ORCHESTRATOR } from '../orchestrator.errors';
import { Saga, sagaFor } from '../sagas';
import {
  addCounts,
  applyOutcomes,
  cancelPending,
  handoffOf,
  isDone,
  markDispatched,
  nextDispatch,
  stepAction,
  stepIndex,
  ZERO_COUNTS,
} from './chunk-state';
import { EngineConfig } from './engine.config';
import { JobEventsPublisher } from './job-events.publisher';
import { resolveIntoChunks, ResolutionDeps } from './job-resolution';
import { finishedOf, RateMeter } from './progress';

export interface RunnerDeps extends ResolutionDeps {
  jobs: JobsRepository;
  publisher: KafkaPublisher;
  events: JobEventsPublisher;
  decide: DecideClient;
  config: EngineConfig;
  onFinished: (jobId: string) => void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Drives one job in this process: resolves its selection into chunks, keeps at most `window` chunks
 * in flight (so small jobs are never stuck behind big ones), applies each work result to its chunk
 * and sends the chunk's next step, retries, times out, cancels, and publishes progress every tick.
 * Every decision is persisted before the message that follows from it is sent, so a restart resumes
 * from the store (see `recover`); results are applied only for the dispatch in flight, so duplicates
 * change nothing.
 */
export class JobRunner {
  private readonly log = new Logger(JobRunner.name);
  private readonly saga: Saga;
  private readonly summaries = new Map<number, ChunkSummary>();
  /** chunks not started yet, in order */
  private readonly queue: number[] = [];
  /** chunks started and not done: their state is cached here */
  private readonly started = new Set<number>();
  private readonly cache = new Map<number, Chunk>();
  private readonly locks = new Map<number, Promise<void>>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly resends = new Map<number, number>();
  private readonly meter = new RateMeter();
  private counts: ItemCounts = { ...ZERO_COUNTS };
  private resolving = false;
  /** the selection's count, once its stream has ended (before the job document says it is resolved) */
  private finalCount?: number;
  private resolutionEnded: boolean;
  private finished = false;
  /** shut down: this process stops touching the job; the store keeps where it was for the next start */
  private stopped = false;
  /**
   * This job's document writes, one after another: the ticker's counts and the resolution's total could
   * otherwise update the document at the same moment, and a store that updates by read-modify-write
   * (FerretDB 1.x) may then keep only one of them (seen: a completed job whose `resolved` was lost).
   */
  private writes: Promise<void> = Promise.resolve();
  private abortReason?: Reason;
  private ticker?: NodeJS.Timeout;
  private startTimer?: NodeJS.Timeout;
  /** settles once the in-memory view is built: results that arrive earlier (right after a restart) wait for it */
  private readonly loaded: Promise<void>;
  private markLoaded!: () => void;

  constructor(
    private readonly job: Job,
    private readonly deps: RunnerDeps,
    private readonly recovered = false,
  ) {
    const saga = sagaFor(job.action);
    if (!saga) throw new Error(`no saga for action ${job.action}`);
    // a dry run evaluates the first step only, through the participant's decide route
    this.saga = job.options?.dryRun ? { ...saga, steps: [saga.steps[0]] } : saga;
    this.resolutionEnded = job.resolved;
    this.loaded = new Promise((resolve) => (this.markLoaded = resolve));
  }

  get id(): string {
    return this.job._id;
  }

  /** Starts now, or at `scheduledAt`. */
  async start(): Promise<void> {
    const due = this.job.scheduledAt ? this.job.scheduledAt.getTime() - Date.now() : 0;
    if (this.job.status === 'scheduled' && due > 0) {
      this.startTimer = setTimeout(() => void this.start().catch((err: unknown) => this.fail(err)), Math.min(due, MAX_TIMER_MS));
      return;
    }
    await this.begin();
  }

  private async begin(): Promise<void> {
    if (this.job.status !== 'running') {
      Object.assign(this.job, { status: 'running', startedAt: this.job.startedAt ?? new Date() });
      await this.saveJob({ status: 'running', startedAt: this.job.startedAt });
    }
    this.ticker = setInterval(
      () => void this.tick().catch((err: unknown) => this.log.warn(`tick ${this.id}: ${String(err)}`)),
      this.deps.config.progressMs,
    );
    try {
      if (this.job.resolved) await this.loadChunks();
      else void this.resolve();
    } finally {
      this.markLoaded();
    }
    await this.tick();
    this.pump();
    await this.maybeFinish();
  }

  /** Rebuilds the in-memory view of a resolved job from its chunk documents (after a restart or a preview). */
  private async loadChunks(): Promise<void> {
    const summaries = await this.deps.chunks.summaries(this.id, this.job.gen * GEN_SPAN, this.job.chunkCount);
    for (const s of summaries) {
      this.summaries.set(s.no, s);
      this.counts = addCounts(this.counts, s.n);
      if (s.done) continue;
      if (s.started) {
        this.started.add(s.no);
        void this.withChunk(s.no, (c) => (c.inflight ? this.send(c) : this.advance(c)));
      } else this.queue.push(s.no);
    }
  }

  private async resolve(): Promise<void> {
    this.resolving = true;
    try {
      if (this.recovered) {
        // a resolution cut off by a restart starts over in a new generation; results of the old one no longer match
        this.job.gen += 1;
        await this.saveJob({ gen: this.job.gen });
        void this.deps.chunks.removeJob(this.id, this.job.gen * GEN_SPAN).catch(() => undefined);
      }
      const result = await resolveIntoChunks(
        this.job,
        this.deps,
        (chunk, finalCount) => this.addChunk(chunk, finalCount),
        () => this.stopping() || this.stopped,
      );
      if (this.stopped) return;
      Object.assign(this.job, {
        total: result.count,
        resolved: true,
        chunkCount: result.chunkCount,
        snapshot: { count: result.count, digest: result.digest },
      });
      await this.saveJob({ total: result.count, resolved: true, chunkCount: result.chunkCount, snapshot: this.job.snapshot });
      this.checkApproval();
    } catch (err) {
      if (this.stopped) return;
      this.log.error({ msg: 'selection could not be resolved', jobId: this.id, err: String(err) });
      this.abort({ code: ORCHESTRATOR.SELECTION_UNAVAILABLE, message: `the selection could not be resolved: ${(err as Error).message}` });
      this.job.chunkCount = this.summaries.size;
      await this.saveJob({ resolved: true, chunkCount: this.summaries.size });
    } finally {
      this.resolving = false;
      this.resolutionEnded = true;
    }
    this.pump();
    await this.maybeFinish();
  }

  private addChunk(chunk: Chunk, finalCount?: number): void {
    if (finalCount !== undefined) this.finalCount = finalCount;
    this.summaries.set(chunk.no, { no: chunk.no, n: chunk.n, done: false, started: false });
    this.counts = addCounts(this.counts, chunk.n);
    this.queue.push(chunk.no);
    this.pump();
  }

  /** A destructive job over the threshold runs only if the caller typed its exact size. */
  private checkApproval(): void {
    const action = actionById(this.job.action);
    const total = this.job.total ?? 0;
    if (!action?.destructive || total <= this.deps.config.approvalThreshold || this.job.options?.approvalCount === total) return;
    this.abort({
      code: ORCHESTRATOR.APPROVAL_REQUIRED,
      message: `${action.id} of ${total} people needs options.approvalCount = ${total} (the approval threshold is ${this.deps.config.approvalThreshold})`,
      field: 'options.approvalCount',
    });
  }

  /** Destructive jobs wait for the whole selection (and its approval check) before anything is sent. */
  private holding(): boolean {
    return !!actionById(this.job.action)?.destructive && !this.resolutionEnded && !this.stopping();
  }

  private stopping(): boolean {
    return this.job.cancelRequested || this.abortReason !== undefined;
  }

  private pump(): void {
    if (this.finished || this.holding()) return;
    while (this.started.size < this.deps.config.window && this.queue.length) {
      const no = this.queue.shift()!;
      this.started.add(no);
      void this.withChunk(no, (c) => this.advance(c));
    }
  }

  /** Runs `fn` on a chunk's state, one operation per chunk at a time. */
  private withChunk(no: number, fn: (c: Chunk) => Promise<void>): Promise<void> {
    const run = async () => {
      if (this.stopped) return;
      const chunk = this.cache.get(no) ?? (await this.deps.chunks.load(this.id, no));
      if (!chunk) return;
      this.cache.set(no, chunk);
      await fn(chunk);
    };
    const next = (this.locks.get(no) ?? Promise.resolve()).then(run).catch((err: unknown) => this.retryLater(no, err));
    this.locks.set(no, next);
    void next.finally(() => this.locks.get(no) === next && this.locks.delete(no));
    return next;
  }

  /** The store or the broker failed mid-operation: drop the cached state and try the chunk again shortly. */
  private retryLater(no: number, err: unknown): void {
    if (this.stopped) return;
    this.log.warn({ msg: 'chunk operation failed; retrying', jobId: this.id, chunk: no, err: String(err) });
    this.cache.delete(no);
    this.arm(no, Date.now() + 2000);
  }

  private arm(no: number, at: number): void {
    clearTimeout(this.timers.get(no));
    const timer = setTimeout(
      () => {
        this.timers.delete(no);
        void this.withChunk(no, (c) => (c.inflight ? this.send(c) : this.advance(c)));
      },
      Math.max(0, at - Date.now()),
    );
    this.timers.set(no, timer);
  }

  /** After any change to a chunk: send its next group, wait for a due retry, or close it. */
  private async advance(c: Chunk): Promise<void> {
    if (this.stopping()) cancelPending(c);
    const now = Date.now();
    const { plan, wakeAt } = nextDispatch(c, now);
    if (plan) {
      markDispatched(c, plan, now);
      await this.save(c);
      return this.send(c);
    }
    await this.save(c);
    if (wakeAt) return this.arm(c.no, wakeAt);
    if (isDone(c)) {
      this.cache.delete(c.no);
      this.started.delete(c.no);
      this.summaries.get(c.no)!.done = true;
      this.pump();
      await this.maybeFinish();
    }
  }

  private async save(c: Chunk): Promise<void> {
    const summary = this.summaries.get(c.no)!;
    const n = await this.deps.chunks.save(c);
    this.counts = addCounts(addCounts(this.counts, summary.n, -1), n);
    summary.n = n;
    summary.started = c.d > 0;
  }

  /** Sends the chunk's dispatch in flight (again, after a restart or timeout: same dispatch number). */
  private async send(c: Chunk): Promise<void> {
    const { step, idx } = c.inflight!;
    const work: WorkChunk = {
      jobId: this.id,
      step,
      chunk: c.no,
      attempt: c.d,
      tenantId: this.job.tenantId,
      action: stepAction(this.saga, step),
      actorId: this.job.actorId,
      params: c.params ?? this.job.params,
      userIds: idx.map((i) => c.ids[i]),
    };
    const data = handoffOf(c, idx);
    if (data) work.data = data;
    if (this.job.options?.dryRun) return this.dryRun(c, work);
    const service = this.saga.steps[stepIndex(step)].service;
    await this.deps.publisher.publish(workTopic(service, TOPICS, this.lane()), [
      { key: `${this.id}:${c.no}`, value: work, tenantId: this.job.tenantId, correlationId: this.id },
    ]);
  }

  /**
   * Small jobs (a known total of at most ORCH_EXPRESS_MAX people — known once the selection's stream has
   * ended, before the last chunks are sent — or that many explicit ids) go on the express
   * lane of the work topics, so they never queue behind the chunks of large jobs.
   */
  private lane(): WorkLane {
    const max = this.deps.config.expressMax;
    const size = this.job.resolved ? this.job.total : (this.finalCount ?? (this.job.selection as { userIds?: unknown[] }).userIds?.length);
    return size !== undefined && size !== null && size <= max ? 'express' : 'bulk';
  }

  private async dryRun(c: Chunk, work: WorkChunk): Promise<void> {
    const service = this.saga.steps[0].service;
    const request = { actorId: work.actorId ?? this.job.actorId, action: work.action, params: work.params, userIds: work.userIds };
    const outcomes =
      (await this.deps.decide.decide(service, this.job.tenantId, request)) ??
      work.userIds.map((userId): Outcome => ({
        userId,
        status: 'failed',
        code: 'JOB.NO_DRY_RUN',
        message: `${service} has no dry run for ${work.action}`,
      }));
    applyOutcomes(
      c,
      this.saga,
      work.step,
      work.attempt,
      outcomes.map((o) => ({ ...o, retryable: false })),
      this.policy(),
      Date.now(),
    );
    await this.advance(c);
  }

  private policy() {
    return { maxAttempts: this.deps.config.maxAttempts, backoffMs: this.deps.config.backoffMs };
  }

  /** A participant's outcomes for one chunk dispatch (or, later, for people it deferred). */
  async onResult(result: ChunkResult): Promise<void> {
    await this.loaded;
    const summary = this.summaries.get(result.chunk);
    if (!summary || summary.done || this.finished) return;
    await this.withChunk(result.chunk, async (c) => {
      const applied = applyOutcomes(c, this.saga, result.step, result.attempt, result.outcomes, this.policy(), Date.now());
      if (!applied) return;
      if (applied === 'dispatch') this.resends.delete(c.no);
      this.checkFailures();
      await this.advance(c);
    });
  }

  private checkFailures(): void {
    const tolerated = this.job.options?.toleratedFailurePercent;
    if (tolerated === undefined || this.abortReason) return;
    const base = this.job.total ?? finishedOf(this.counts) + this.counts.pending + this.counts.running;
    if (base > 0 && (this.counts.failed * 100) / base > tolerated) {
      this.abort({
        code: ORCHESTRATOR.TOO_MANY_FAILURES,
        message: `${this.counts.failed} of ${base} people failed, more than the tolerated ${tolerated}%`,
      });
    }
  }

  /** Cancel: stop sending; in-flight chunks finish; people not yet sent become cancelled. */
  async cancel(): Promise<boolean> {
    if (this.finished) return false;
    this.job.cancelRequested = true;
    await this.saveJob({ cancelRequested: true });
    this.stopEverything();
    return true;
  }

  private abort(reason: Reason): void {
    if (this.abortReason || this.finished) return;
    this.log.warn({ msg: 'job aborted', jobId: this.id, reason });
    this.abortReason = reason;
    this.stopEverything();
  }

  private stopEverything(): void {
    clearTimeout(this.startTimer);
    if (this.job.status === 'scheduled') {
      void this.finish().catch((err: unknown) => this.fail(err));
      return;
    }
    for (const no of this.started) void this.withChunk(no, (c) => (c.inflight ? Promise.resolve() : this.advance(c)));
    this.pump();
    void this.maybeFinish();
  }

  private async maybeFinish(): Promise<void> {
    if (this.finished || this.resolving || !this.resolutionEnded || this.queue.length || this.started.size) return;
    await this.finish();
  }

  /** Writes fields of the job's document after every write this runner started before. */
  private saveJob(fields: Partial<Job>): Promise<void> {
    const write = this.writes.then(() => this.deps.jobs.set(this.id, fields));
    this.writes = write.catch(() => undefined);
    return write;
  }

  private async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.stop();
    const status = this.abortReason ? 'failed' : this.job.cancelRequested ? 'cancelled' : 'completed';
    const total = this.job.total ?? finishedOf(this.counts);
    this.meter.sample(this.counts);
    const fields: Partial<Job> = { status, total, counts: this.counts, finishedAt: new Date(), ratePerSecond: this.meter.ratePerSecond };
    if (this.abortReason) fields.reason = this.abortReason;
    Object.assign(this.job, fields);
    await this.saveJob(fields);
    await this.deps.events.progress(this.job, this.counts, total, this.meter.ratePerSecond, 0);
    await this.deps.events.ended(status, this.job, this.counts, total, this.abortReason);
    this.deps.onFinished(this.id);
  }

  /** Progress event and counts snapshot; resends steps that got no result in time. */
  private async tick(): Promise<void> {
    if (this.finished || this.stopped) return;
    this.resendOverdue();
    this.meter.sample(this.counts);
    const total = this.job.total ?? finishedOf(this.counts) + this.counts.pending + this.counts.running;
    const rate = this.meter.ratePerSecond;
    await this.saveJob({ counts: this.counts, ratePerSecond: rate });
    await this.deps.events.progress(this.job, this.counts, total, rate, this.resolutionEnded ? this.meter.etaSeconds(this.counts, total) : null);
  }

  private resendOverdue(): void {
    const now = Date.now();
    for (const [no, c] of this.cache) {
      if (!c.inflight || now - c.inflight.at < this.deps.config.stepTimeoutMs || this.locks.has(no)) continue;
      const resends = (this.resends.get(no) ?? 0) + 1;
      this.resends.set(no, resends);
      void this.withChunk(no, async (chunk) => {
        if (!chunk.inflight) return;
        chunk.inflight.at = Date.now();
        if (resends <= this.deps.config.stepResends) return this.send(chunk);
        const outcomes = chunk.inflight.idx.map((i): Outcome => ({
          userId: chunk.ids[i],
          status: 'failed',
          code: ORCHESTRATOR.STEP_TIMEOUT,
          message: `no result from ${stepAction(this.saga, chunk.inflight!.step)} after ${resends} sends`,
        }));
        applyOutcomes(chunk, this.saga, chunk.inflight.step, chunk.d, outcomes, this.policy(), Date.now());
        await this.advance(chunk);
      });
    }
  }

  private fail(err: unknown): void {
    this.log.error({ msg: 'job runner failed', jobId: this.id, err: String((err as Error)?.stack ?? err) });
  }

  /** Stops timers (shutdown, or the job finished). Nothing is lost: the store has the state. */
  stop(): void {
    this.stopped = !this.finished;
    clearInterval(this.ticker);
    clearTimeout(this.startTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
