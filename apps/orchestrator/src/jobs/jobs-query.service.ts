import { Injectable } from '@nestjs/common';
import { ITEM_STATES, ItemPage, ItemState, ItemView, JobList, JobListQuery, JobView } from '@cohort/contracts';
import { INTAKE } from '../orchestrator.errors';
import { Refusal } from '../intake/refusal';
import { GEN_SPAN } from './chunk.schema';
import { ChunksRepository } from './chunks.repository';
import { Job } from './job.schema';
import { itemView, jobView } from './job-view';
import { JobsRepository } from './jobs.repository';

const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function decode<T>(cursor: string | undefined, field = 'cursor'): T | undefined {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw new Refusal(400, { code: 'REQUEST.INVALID', message: 'not a cursor this API gave out', field });
  }
}

/** Reads of jobs and their per-person outcomes, always within one tenant. */
@Injectable()
export class JobsQueryService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly chunks: ChunksRepository,
  ) {}

  async job(tenantId: string, jobId: string): Promise<Job> {
    const job = await this.jobs.findForTenant(tenantId, jobId);
    if (!job || job.status === 'draft') throw new Refusal(404, { code: INTAKE.JOB_NOT_FOUND, message: `no job ${jobId}` });
    return job;
  }

  async view(tenantId: string, jobId: string): Promise<JobView> {
    return jobView(await this.job(tenantId, jobId));
  }

  /** The tenant's jobs, newest first, narrowed by status, actor, action and creation time: the audit query. */
  async list(tenantId: string, { cursor, limit, ...where }: JobListQuery): Promise<JobList> {
    const after = decode<{ at: string; id: string }>(cursor);
    const jobs = await this.jobs.list(tenantId, where, after && { at: new Date(after.at), id: after.id }, limit + 1);
    const page = jobs.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(jobView), nextCursor: jobs.length > limit && last ? encode({ at: last.createdAt.toISOString(), id: last._id }) : null };
  }

  /** One page of people, in selection order, optionally only those in `status`. */
  async items(tenantId: string, jobId: string, status: ItemState | undefined, cursor: string | undefined, limit: number): Promise<ItemPage> {
    const job = await this.job(tenantId, jobId);
    const from = decode<{ c: number; i: number }>(cursor) ?? { c: 0, i: 0 };
    const items: ItemView[] = [];
    const want = status === undefined ? undefined : ITEM_STATES.indexOf(status);
    const base = job.gen * GEN_SPAN;
    for await (const chunk of this.chunks.each(job._id, base + from.c, Math.max(0, job.chunkCount - from.c))) {
      const c = chunk.no - base;
      if (want !== undefined && chunk.n && chunk.n[status!] === 0) continue;
      for (let i = c === from.c ? from.i : 0; i < chunk.ids.length; i++) {
        if (want !== undefined && chunk.st[i] !== want) continue;
        if (items.length === limit) return { items, nextCursor: encode({ c, i }) };
        items.push(itemView(job, chunk, i));
      }
    }
    return { items, nextCursor: null };
  }

  /** Every person of the job, chunk by chunk (for the results CSV): nothing is held beyond one chunk. */
  async *allItems(tenantId: string, jobId: string): AsyncGenerator<ItemView> {
    const job = await this.job(tenantId, jobId);
    for await (const chunk of this.chunks.each(job._id, job.gen * GEN_SPAN, job.chunkCount)) {
      for (let i = 0; i < chunk.ids.length; i++) yield itemView(job, chunk, i);
    }
  }
}
