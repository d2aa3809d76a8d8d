import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { JobView } from '@cohort/contracts';

/** The orchestrator could not say who ran a job right now (no answer, a time-out, a 5xx, an unreadable view): worth retrying. */
export class OrchestratorUnavailableError extends Error {}

/** What a completion notice needs of a job beyond its end event: who ran it, what, and why it stopped. */
export const NoticeJob = JobView.pick({ id: true, actorId: true, action: true, source: true, reason: true });
export type NoticeJob = z.infer<typeof NoticeJob>;

const TIMEOUT_MS = 10_000;

/**
 * The orchestrator's internal `GET /internal/tenants/:t/jobs/:jobId` (libs/contracts/src/internal/orchestrator-api.ts),
 * as communications reads it: the job end events carry no actor or action, the job does.
 */
@Injectable()
export class OrchestratorJobsClient {
  private readonly base: string;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    this.base = config.urls.orchestrator.replace(/\/+$/, '');
  }

  /** The job, null when the orchestrator does not know it; throws OrchestratorUnavailableError when it cannot answer. */
  async job(tenantId: string, jobId: string): Promise<NoticeJob | null> {
    const url = `${this.base}/internal/tenants/${encodeURIComponent(tenantId)}/jobs/${encodeURIComponent(jobId)}`;
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (err) {
      throw new OrchestratorUnavailableError(`orchestrator: ${(err as Error).message}`);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw new OrchestratorUnavailableError(`orchestrator answered HTTP ${res.status} for job ${jobId}`);
    const parsed = NoticeJob.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new OrchestratorUnavailableError(`orchestrator sent an unreadable job ${jobId}: ${issue.path.join('.') || '(body)'}: ${issue.message}`);
    }
    return parsed.data;
  }
}
