import { ITEM_STATES, ItemView, JobView, SelectionSummary } from '@cohort/contracts';
import { stepAction } from '../engine/chunk-state';
import { finishedOf } from '../engine/progress';
import { sagaFor } from '../sagas';
import { Chunk } from './chunk.schema';
import { FINISHED_STATUSES, Job } from './job.schema';

/** A job as the API shows it. */
export function jobView(job: Job): JobView {
  const saga = sagaFor(job.action);
  const finished = FINISHED_STATUSES.includes(job.status);
  const total = job.resolved ? job.total : null;
  const remaining = total === null ? null : total - finishedOf(job.counts);
  return {
    id: job._id,
    tenantId: job.tenantId,
    commandId: job.commandId,
    action: job.action,
    params: job.params,
    actorId: job.actorId,
    selection: selectionSummary(job),
    source: job.source,
    status: job.status === 'draft' ? 'queued' : job.status,
    total,
    counts: job.counts,
    ratePerSecond: round(job.ratePerSecond ?? 0),
    etaSeconds: finished ? 0 : remaining !== null && job.ratePerSecond > 0 ? Math.round(remaining / job.ratePerSecond) : null,
    reversible: finished && !!saga?.inverse && !job.undoneBy && job.counts.succeeded > 0,
    ...(job.reason && { reason: job.reason }),
    ...(job.undoOf && { undoOf: job.undoOf }),
    ...(job.undoneBy && { undoneBy: job.undoneBy }),
    ...(job.retryOf && { retryOf: job.retryOf }),
    createdAt: job.createdAt.toISOString(),
    ...(job.scheduledAt && { scheduledAt: job.scheduledAt.toISOString() }),
    ...(job.startedAt && { startedAt: job.startedAt.toISOString() }),
    ...(job.finishedAt && { finishedAt: job.finishedAt.toISOString() }),
  };
}

/** Who the job covered, for the audit: explicit ids as a count (a list of 10,000 ids is no audit line). */
export function selectionSummary(job: Pick<Job, 'selection' | 'undoOf' | 'retryOf'>): SelectionSummary {
  const { userIds, filter, importId, excludeIds } = job.selection ?? {};
  return {
    ...(filter && { filter }),
    ...(importId && { importId }),
    ...(userIds && { userIdCount: userIds.length }),
    ...(excludeIds?.length && { excludeIdCount: excludeIds.length }),
    ...(job.undoOf && { undoOf: job.undoOf }),
    ...(job.retryOf && { retryOf: job.retryOf }),
  };
}

/** Person `i` of a chunk as the API shows it. */
export function itemView(job: Job, chunk: Chunk, i: number): ItemView {
  const state = ITEM_STATES[chunk.st[i]];
  const error = chunk.e[i];
  const saga = sagaFor(job.action);
  const step = error?.s ?? (saga && state !== 'pending' ? stepAction(saga, chunk.k[i]) : undefined);
  return {
    userId: chunk.ids[i],
    status: state,
    ...(error?.c && { code: error.c }),
    ...(error?.m && { message: error.m }),
    ...(step && { step }),
    attempts: state === 'pending' || state === 'cancelled' ? chunk.a[i] : chunk.a[i] + 1,
    ...(chunk.b[i] !== null && chunk.b[i] !== undefined && { before: chunk.b[i] }),
    // only a finished person's data is their result: while running it is a handoff (e.g. a token) for the next step
    ...(state === 'succeeded' && chunk.h?.[i] && { data: chunk.h[i] }),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
