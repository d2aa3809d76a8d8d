import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ItemPage, JobAcceptedResponse, JobList, JobRequest, JobView, Preview, UndoRequest } from '@cohort/contracts';
import { QueryValues, seg, UpstreamAnswer, UpstreamClient } from './upstream.client';

export type JobCommand = 'cancel' | 'retry' | 'undo';

/** The orchestrator's internal API (libs/contracts/src/internal/orchestrator-api.ts), per tenant. */
@Injectable()
export class OrchestratorClient {
  constructor(private readonly upstream: UpstreamClient) {}

  private jobs(tenantId: string, jobId?: string): string {
    const base = `/internal/tenants/${seg(tenantId)}/jobs`;
    return jobId === undefined ? base : `${base}/${seg(jobId)}`;
  }

  async preview(tenantId: string, request: JobRequest): Promise<Preview> {
    return (await this.upstream.json<Preview>('orchestrator', `${this.jobs(tenantId)}/preview`, { method: 'POST', body: request, readOnly: true }))
      .body;
  }

  submit(tenantId: string, request: JobRequest): Promise<UpstreamAnswer<JobAcceptedResponse>> {
    return this.upstream.json<JobAcceptedResponse>('orchestrator', this.jobs(tenantId), { method: 'POST', body: request });
  }

  async list(tenantId: string, query: QueryValues): Promise<JobList> {
    return (await this.upstream.json<JobList>('orchestrator', this.jobs(tenantId), { query })).body;
  }

  async get(tenantId: string, jobId: string): Promise<JobView> {
    return (await this.upstream.json<JobView>('orchestrator', this.jobs(tenantId, jobId))).body;
  }

  async items(tenantId: string, jobId: string, query: QueryValues): Promise<ItemPage> {
    return (await this.upstream.json<ItemPage>('orchestrator', `${this.jobs(tenantId, jobId)}/items`, { query })).body;
  }

  /** Every person of the job as NDJSON lines of ItemView, streamed. */
  itemsNdjson(tenantId: string, jobId: string): Promise<Readable> {
    return this.upstream.stream('orchestrator', `${this.jobs(tenantId, jobId)}/items.ndjson`);
  }

  /** cancel and retry answer the JobView; undo answers 202 with the inverse job (`extra`: its UndoRequest). */
  command<T = JobView | JobAcceptedResponse>(
    tenantId: string,
    jobId: string,
    command: JobCommand,
    actorId: string,
    extra: UndoRequest = {},
  ): Promise<UpstreamAnswer<T>> {
    return this.upstream.json<T>('orchestrator', `${this.jobs(tenantId, jobId)}/${command}`, { method: 'POST', body: { ...extra, actorId } });
  }

  /** What undoing the job would do: the inverse job's preview, its snapshot to confirm with `undo`. */
  async undoPreview(tenantId: string, jobId: string, actorId: string): Promise<Preview> {
    return (
      await this.upstream.json<Preview>('orchestrator', `${this.jobs(tenantId, jobId)}/undo/preview`, {
        method: 'POST',
        body: { actorId },
        readOnly: true,
      })
    ).body;
  }
}
