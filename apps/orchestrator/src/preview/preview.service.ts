import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { actionById, BatchCommand, JobRequest, Outcome, Preview } from '@cohort/contracts';
import { DecideClient } from '../clients/decide.client';
import { IdentityClient } from '../clients/identity.client';
import { ENGINE_CONFIG, EngineConfig } from '../engine/engine.config';
import { resolveIntoChunks } from '../engine/job-resolution';
import { ChunksRepository } from '../jobs/chunks.repository';
import { Job } from '../jobs/job.schema';
import { JobsRepository } from '../jobs/jobs.repository';
import { INTAKE } from '../orchestrator.errors';
import { IntakeService, Submitted } from '../intake/intake.service';
import { Refusal } from '../intake/refusal';
import { sagaFor } from '../sagas';
import { summarise, Tally } from './preview-tally';

/** The HTTP job request as a batch command of this tenant. */
export function commandOf(tenantId: string, req: JobRequest, commandId = req.commandId ?? randomUUID()): BatchCommand {
  return {
    commandId,
    tenantId,
    actor: { userId: req.actorId },
    action: req.action,
    params: req.params,
    selection: req.selection,
    ...(req.options && { options: req.options }),
  };
}

/**
 * Preview: resolves the selection into a snapshot (a draft job with its chunks), asks the owning service
 * for a dry run of the first step over the first PREVIEW_LIMIT people, and reports counts, skips by
 * reason, a before → after sample and warnings. Confirming with the snapshot id runs exactly those people.
 */
@Injectable()
export class PreviewService {
  constructor(
    private readonly intake: IntakeService,
    private readonly jobs: JobsRepository,
    private readonly chunks: ChunksRepository,
    private readonly identity: IdentityClient,
    private readonly decide: DecideClient,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async preview(tenantId: string, req: JobRequest): Promise<Preview> {
    const command = await this.intake.check(commandOf(tenantId, req, `preview-${randomUUID()}`));
    return this.previewDraft(this.intake.newJob(command, randomUUID(), 'http'));
  }

  /**
   * Stores `job` as a draft that lapses after the preview TTL, resolves its people into chunks (a filter
   * through identity, an undo or retry from the earlier job's results), dry-runs them and sums up;
   * `warnings` lead the preview's own.
   */
  async previewDraft(job: Job, warnings: Preview['warnings'] = []): Promise<Preview> {
    const expiresAt = new Date(Date.now() + this.config.previewTtlMs);
    const draft: Job = { ...job, status: 'draft', expiresAt };
    await this.jobs.insert(draft);
    const resolved = await resolveIntoChunks(
      draft,
      { identity: this.identity, chunks: this.chunks, findJob: (id) => this.jobs.find(id) },
      () => undefined,
    ).catch((err: unknown) => {
      throw new Refusal(503, { code: INTAKE.UNAVAILABLE, message: `the selection could not be resolved: ${(err as Error).message}` });
    });
    const snapshot = { count: resolved.count, digest: resolved.digest };
    Object.assign(draft, { total: resolved.count, resolved: true, chunkCount: resolved.chunkCount, snapshot });
    await this.jobs.set(draft._id, { total: resolved.count, resolved: true, chunkCount: resolved.chunkCount, snapshot });
    const tally = await this.evaluate(draft);
    return summarise(draft, tally, this.config, expiresAt, warnings);
  }

  /** The draft of an unexpired preview this actor made, or 404 SNAPSHOT.NOT_FOUND; `earlier`: a job already confirmed from it. */
  async draftOf(tenantId: string, snapshotId: string, commandId: string): Promise<{ draft?: Job; earlier?: Job }> {
    const draft = await this.jobs.findForTenant(tenantId, snapshotId);
    if (draft && draft.status === 'draft' && !(draft.expiresAt && draft.expiresAt < new Date())) return { draft };
    if (draft && draft.status !== 'draft' && draft.commandId === commandId) return { earlier: draft };
    throw new Refusal(404, {
      code: INTAKE.SNAPSHOT_NOT_FOUND,
      message: 'the preview has expired or was already confirmed: preview again',
      field: 'snapshotId',
    });
  }

  /** Dry run of the saga's first step for the first PREVIEW_LIMIT people of the draft. */
  private async evaluate(draft: Job): Promise<Tally> {
    const first = sagaFor(draft.action)!.steps[0];
    const tally = new Tally();
    for await (const chunk of this.chunks.each(draft._id, 0, draft.chunkCount)) {
      if (tally.evaluated >= this.config.previewLimit) break;
      const userIds = chunk.ids.slice(0, this.config.previewLimit - tally.evaluated);
      const request = { actorId: draft.actorId, action: first.action, params: chunk.params ?? draft.params, userIds };
      let outcomes: Outcome[] | undefined;
      try {
        outcomes = await this.decide.decide(first.service, draft.tenantId, request);
      } catch (err) {
        throw new Refusal(503, { code: INTAKE.UNAVAILABLE, message: `${first.service} could not evaluate the preview: ${(err as Error).message}` });
      }
      if (!outcomes) return tally.withoutDryRun(first.service);
      tally.add(outcomes);
    }
    return tally;
  }

  /** Runs exactly the previewed people, or refuses if the preview lapsed, differs, or the filter now matches others. */
  async confirm(tenantId: string, req: JobRequest): Promise<Submitted> {
    // a confirm without Idempotency-Key is still idempotent per snapshot: a double click is one job
    const commandId = req.commandId ?? `snapshot-${req.snapshotId}`;
    const { draft, earlier } = await this.draftOf(tenantId, req.snapshotId!, commandId);
    if (!draft) return { job: earlier!, duplicate: true };
    const command = await this.intake.check(commandOf(tenantId, req, commandId));
    const same =
      draft.action === command.action &&
      draft.actorId === command.actor.userId &&
      stable(draft.params) === stable(command.params) &&
      stable(draft.selection) === stable(command.selection);
    if (!same)
      throw new Refusal(409, {
        code: INTAKE.SNAPSHOT_MISMATCH,
        message: 'the request differs from the previewed one (action, parameters or selection)',
        field: 'snapshotId',
      });
    await this.checkUnchanged(draft);
    this.checkApproval(draft, command.options?.approvalCount);
    return this.intake.start(
      tenantId,
      command.commandId,
      () => ({ ...this.intake.newJob(command, draft._id, 'http'), ...resolvedPart(draft) }),
      draft._id,
    );
  }

  private async checkUnchanged(draft: Job): Promise<void> {
    const { filter, importId, excludeIds } = draft.selection;
    if (!filter && importId === undefined) return;
    const spec = importId !== undefined ? { importId } : { filter };
    const now = await this.identity.digest(draft.tenantId, { ...spec, ...(excludeIds && { excludeIds }) });
    if (now.digest !== draft.snapshot?.digest) {
      throw new Refusal(
        409,
        {
          code: INTAKE.SELECTION_CHANGED,
          message: `the filter now matches ${now.count} people, the preview had ${draft.snapshot?.count}: preview again`,
        },
        { previewed: draft.snapshot?.count, current: now.count },
      );
    }
  }

  /** A destructive job over the approval threshold runs only with its total typed as the approval count. */
  checkApproval(draft: Job, approvalCount: number | undefined): void {
    const total = draft.total ?? 0;
    if (!actionById(draft.action)?.destructive || total <= this.config.approvalThreshold || approvalCount === total) return;
    throw new Refusal(400, {
      code: INTAKE.APPROVAL_REQUIRED,
      message: `this destructive job affects ${total} people: type that number as options.approvalCount to confirm`,
      field: 'options.approvalCount',
    });
  }
}

/** What a confirmed job takes over from its preview's draft: the resolved people and their chunks. */
export function resolvedPart(draft: Job): Partial<Job> {
  return {
    total: draft.total,
    resolved: true,
    gen: draft.gen,
    chunkCount: draft.chunkCount,
    chunkSize: draft.chunkSize,
    snapshot: draft.snapshot,
    expiresAt: undefined,
    counts: draft.counts,
  };
}

/** JSON with sorted keys, to compare two requests. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
