import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ChunkResult } from '@cohort/contracts';
import { KafkaPublisher } from '@cohort/messaging';
import { DecideClient } from '../clients/decide.client';
import { IdentityClient } from '../clients/identity.client';
import { ChunksRepository } from '../jobs/chunks.repository';
import { Job } from '../jobs/job.schema';
import { JobsRepository } from '../jobs/jobs.repository';
import { ENGINE_CONFIG, EngineConfig } from './engine.config';
import { JobEventsPublisher } from './job-events.publisher';
import { JobRunner, RunnerDeps } from './job-runner';

/**
 * Runs every active job of this orchestrator: new ones from intake, and after a start every job the
 * store says is scheduled, queued or running (so a restart resumes each job where it was).
 * One orchestrator process drives all jobs (see README "Scaling": a replica would take over by lease).
 */
@Injectable()
export class EngineService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(EngineService.name);
  private readonly runners = new Map<string, JobRunner>();
  private readonly deps: RunnerDeps;
  private janitor?: NodeJS.Timeout;

  constructor(
    jobs: JobsRepository,
    chunks: ChunksRepository,
    identity: IdentityClient,
    decide: DecideClient,
    publisher: KafkaPublisher,
    events: JobEventsPublisher,
    @Inject(ENGINE_CONFIG) config: EngineConfig,
  ) {
    this.deps = {
      jobs,
      chunks,
      identity,
      decide,
      publisher,
      events,
      config,
      findJob: (id) => jobs.find(id),
      onFinished: (id) => this.runners.delete(id),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const active = await this.deps.jobs.findActive();
    for (const job of active) this.run(job, true);
    if (active.length) this.log.log(`resumed ${active.length} job(s)`);
    this.janitor = setInterval(() => void this.removeLapsedDrafts(), 60_000);
  }

  /** Starts driving a job (a new one, or one found active in the store after a restart). */
  run(job: Job, recovered = false): void {
    if (this.runners.has(job._id)) return;
    const runner = new JobRunner(job, this.deps, recovered);
    this.runners.set(job._id, runner);
    runner.start().catch((err: unknown) => this.log.error({ msg: 'job failed to start', jobId: job._id, err: String(err) }));
  }

  /** A work result: goes to the job's runner; results of finished or unknown jobs are dropped. */
  async onResult(result: ChunkResult): Promise<void> {
    await this.runners.get(result.jobId)?.onResult(result);
  }

  /** false when the job is not being run here (finished, or unknown). */
  async cancel(jobId: string): Promise<boolean> {
    const runner = this.runners.get(jobId);
    return runner ? runner.cancel() : false;
  }

  private async removeLapsedDrafts(): Promise<void> {
    try {
      for (const draft of await this.deps.jobs.findLapsedDrafts(new Date())) {
        await this.deps.chunks.removeJob(draft._id);
        await this.deps.jobs.remove(draft._id);
      }
    } catch (err) {
      this.log.warn(`draft cleanup: ${String(err)}`);
    }
  }

  /** Before the consumers and the store close: runners stop touching jobs; results still in flight are re-sent at the next start. */
  beforeApplicationShutdown(): void {
    clearInterval(this.janitor);
    for (const runner of this.runners.values()) runner.stop();
  }
}
