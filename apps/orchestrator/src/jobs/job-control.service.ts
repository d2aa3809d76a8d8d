import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { actionById, BatchCommand, JobView, Preview, UndoRequest } from '@cohort/contracts';
import { S } from '../engine/chunk-state';
import { EngineService } from '../engine/engine.service';
import { IntakeService, Submitted } from '../intake/intake.service';
import { Refusal } from '../intake/refusal';
import { INTAKE } from '../orchestrator.errors';
import { resolvedPart, PreviewService } from '../preview/preview.service';
import { undoWarning } from '../preview/undo-warning';
import { sagaFor } from '../sagas';
import { InverseJob } from '../sagas/define-saga';
import { GEN_SPAN } from './chunk.schema';
import { ChunksRepository } from './chunks.repository';
import { FINISHED_STATUSES, Job } from './job.schema';
import { jobView } from './job-view';
import { JobsQueryService } from './jobs-query.service';
import { JobsRepository } from './jobs.repository';

/** Cancel a running job; retry the people who failed; preview and undo a finished reversible job. */
@Injectable()
export class JobControlService {
  constructor(
    private readonly query: JobsQueryService,
    private readonly jobs: JobsRepository,
    private readonly chunks: ChunksRepository,
    private readonly engine: EngineService,
    private readonly intake: IntakeService,
    private readonly previews: PreviewService,
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

  /**
   * What an undo would do, before it runs: the inverse job as a draft over every person the job changed,
   * dry-run like any preview, led by an UNDO warning (what comes back, what does not). Its snapshot runs
   * exactly those people through {@link undo}.
   */
  async previewUndo(tenantId: string, jobId: string, actorId: string): Promise<Preview> {
    const { job, inverse } = await this.undoable(tenantId, jobId, actorId);
    const draft = this.intake.newJob(this.command(job, `undo-of-${jobId}`, actorId, inverse), randomUUID(), 'undo', {
      undoOf: jobId,
      options: { chunkSize: job.chunkSize },
    });
    return this.previews.previewDraft(draft, [undoWarning(job, inverse.action)]);
  }

  /**
   * The inverse job: every person who succeeded gets their prior value back. With `snapshotId` (from
   * {@link previewUndo}) it runs exactly the previewed people, and a destructive inverse over the approval
   * threshold needs the typed count, as any job confirmed from its preview.
   */
  async undo(tenantId: string, jobId: string, actorId: string, request: UndoRequest = {}): Promise<Submitted> {
    const commandId = `undo-of-${jobId}`;
    const snapshot = request.snapshotId === undefined ? undefined : await this.previews.draftOf(tenantId, request.snapshotId, commandId);
    const previewed = snapshot?.draft ?? snapshot?.earlier;
    if (previewed && (previewed.undoOf !== jobId || previewed.actorId !== actorId)) {
      throw new Refusal(409, {
        code: INTAKE.SNAPSHOT_MISMATCH,
        message: `the preview is not one of your previews of undoing job ${jobId}`,
        field: 'snapshotId',
      });
    }
    if (snapshot?.earlier) return { job: snapshot.earlier, duplicate: true }; // confirmed already: a double click is one undo
    const { job, inverse } = await this.undoable(tenantId, jobId, actorId);
    let submitted: Submitted;
    if (snapshot?.draft) {
      const draft = snapshot.draft;
      this.previews.checkApproval(draft, request.approvalCount);
      const command = this.command(job, commandId, actorId, { action: draft.action, params: draft.params });
      const build = () => ({ ...this.intake.newJob(command, draft._id, 'undo', { undoOf: jobId, options: draft.options }), ...resolvedPart(draft) });
      submitted = await this.intake.start(tenantId, commandId, build, draft._id);
    } else {
      submitted = await this.derive(job, commandId, actorId, { action: inverse.action, params: inverse.params, source: 'undo', undoOf: jobId });
    }
    if (!submitted.duplicate) await this.jobs.set(jobId, { undoneBy: submitted.job._id });
    return submitted;
  }

  /** The job and the first of its inverses, if it is finished and has something to undo that the actor may undo; else 409/403. */
  private async undoable(tenantId: string, jobId: string, actorId: string): Promise<{ job: Job; inverse: InverseJob }> {
    const job = await this.query.job(tenantId, jobId);
    const inverse = FINISHED_STATUSES.includes(job.status) ? await this.firstInverse(job) : undefined;
    if (!inverse) {
      throw new Refusal(409, { code: INTAKE.NOT_REVERSIBLE, message: `job ${jobId} (${job.action}, ${job.status}) has nothing that can be undone` });
    }
    // an inverse that is not a catalogue action (set-specialisms undoes add-specialisms) needs the original's permission
    await this.intake.authorize(tenantId, actorId, actionById(inverse.action) ? inverse.action : job.action);
    return { job, inverse };
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
    const command = this.command(job, commandId, actorId, { action: extra.action!, params: extra.params! });
    return this.intake.start(job.tenantId, commandId, (id) =>
      this.intake.newJob(command, id, extra.source!, { ...extra, options: { chunkSize: job.chunkSize } }),
    );
  }

  /** The command of a job derived from `job` (its retry or undo): the same selection, this actor and action. */
  private command(job: Job, commandId: string, actorId: string, { action, params }: InverseJob): BatchCommand {
    return { commandId, tenantId: job.tenantId, actor: { userId: actorId }, action, params, selection: job.selection };
  }
}
