import { Injectable } from '@nestjs/common';
import { actionById, JobView } from '@cohort/contracts';
import { S } from '../engine/chunk-state';
import { EngineService } from '../engine/engine.service';
import { IntakeService, Submitted } from '../intake/intake.service';
import { Refusal } from '../intake/refusal';
import { INTAKE } from '../orchestrator.errors';
import { sagaFor } from '../sagas';
import { GEN_SPAN } from './chunk.schema';
import { ChunksRepository } from './chunks.repository';
import { FINISHED_STATUSES, Job } from './job.schema';
import { jobView } from './job-view';
import { JobsQueryService } from './jobs-query.service';
import { JobsRepository } from './jobs.repository';

/** Cancel a running job; retry the people who failed; undo a finished reversible job. */
@Injectable()
export class JobControlService {
  constructor(
    private readonly query: JobsQueryService,
    private readonly jobs: JobsRepository,
    private readonly chunks: ChunksRepository,
    private readonly engine: EngineService,
    private readonly intake: IntakeService,
  ) {}

  async cancel(tenantId: string, jobId: string, actorId: string): Promise<JobView> {
    const job = await this.query.job(tenantId, jobId);
    await this.intake.authorize(tenantId, actorId, job.action);
    if (FINISHED_STATUSES.includes(job.status) || !(await this.engine.cancel(jobId))) {
      throw new Refusal(409, {
        code: INTAKE.NOT_CANCELLABLE,
        message: `job ${jobId} is ${job.status}: only a scheduled, queued or running job can be cancelled`,
      });
    }
    return jobView({ ...job, cancelRequested: true });
  }

  /** A new job for the people who failed (the same request again returns that job). */
  async retry(tenantId: string, jobId: string, actorId: string): Promise<Submitted> {
    const job = await this.query.job(tenantId, jobId);
    if (!FINISHED_STATUSES.includes(job.status) || job.counts.failed === 0) {
      throw new Refusal(409, {
        code: INTAKE.NOT_RETRYABLE,
        message: `job ${jobId} is ${job.status} with ${job.counts.failed} failed: only a finished job with failures can be retried`,
      });
    }
    await this.intake.authorize(tenantId, actorId, job.action);
    return this.derive(job, `retry-of-${jobId}`, actorId, { action: job.action, params: job.params, source: 'retry', retryOf: jobId });
  }

  /** The inverse job: every person who succeeded gets their prior value back. */
  async undo(tenantId: string, jobId: string, actorId: string): Promise<Submitted> {
    const job = await this.query.job(tenantId, jobId);
    const inverse = FINISHED_STATUSES.includes(job.status) ? await this.firstInverse(job) : undefined;
    if (!inverse) {
      throw new Refusal(409, { code: INTAKE.NOT_REVERSIBLE, message: `job ${jobId} (${job.action}, ${job.status}) has nothing that can be undone` });
    }
    // an inverse that is not a catalogue action (set-specialisms undoes add-specialisms) needs the original's permission
    await this.intake.authorize(tenantId, actorId, actionById(inverse.action) ? inverse.action : job.action);
    const submitted = await this.derive(job, `undo-of-${jobId}`, actorId, {
      action: inverse.action,
      params: inverse.params,
      source: 'undo',
      undoOf: jobId,
    });
    if (!submitted.duplicate) await this.jobs.set(jobId, { undoneBy: submitted.job._id });
    return submitted;
  }

  private async firstInverse(job: Job) {
    const inverse = sagaFor(job.action)?.inverse;
    if (!inverse || job.undoneBy || job.counts.succeeded === 0) return undefined;
    for await (const chunk of this.chunks.each(job._id, job.gen * GEN_SPAN, job.chunkCount)) {
      for (let i = 0; i < chunk.ids.length; i++) {
        if (chunk.st[i] !== S.succeeded || chunk.b[i] === null || chunk.b[i] === undefined) continue;
        const found = inverse(chunk.params ?? job.params, chunk.b[i], job._id);
        if (found) return found;
      }
    }
    return undefined;
  }

  private derive(job: Job, commandId: string, actorId: string, extra: Partial<Job>): Promise<Submitted> {
    const command = {
      commandId,
      tenantId: job.tenantId,
      actor: { userId: actorId },
      action: extra.action!,
      params: extra.params!,
      selection: job.selection,
    };
    return this.intake.start(job.tenantId, commandId, (id) =>
      this.intake.newJob(command, id, extra.source!, { ...extra, options: { chunkSize: job.chunkSize } }),
    );
  }
}
