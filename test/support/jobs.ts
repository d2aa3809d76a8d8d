import { ItemView, JobView } from '@cohort/contracts';
import { eventually } from '@cohort/testing';
import { CohortSystem, getJson, postJson } from './system';

/** A finished job: its view and its per-person items by user id. */
export interface FinishedJob {
  job: JobView;
  jobId: string;
  items: Map<string, ItemView>;
}

/**
 * Jobs through the orchestrator's internal HTTP API, for integration specs: submit one over explicit ids,
 * wait for it to complete, run (both), undo. `system` is read when called (specs start it in beforeAll).
 */
export function jobHelpers(system: () => CohortSystem) {
  async function submit(tenant: string, action: string, userIds: string[], params: Record<string, unknown> = {}, actorId = 'owner'): Promise<string> {
    const res = await postJson<{ id: string }>(system().jobsUrl(tenant), { actorId, action, params, selection: { userIds } });
    expect(res.status).toBe(202);
    return res.body.id;
  }

  async function finished(tenant: string, jobId: string, timeoutMs = 60_000): Promise<FinishedJob> {
    const url = `${system().jobsUrl(tenant)}/${jobId}`;
    const job = await eventually(
      async () => {
        const view = await getJson<JobView>(url);
        return view.body.status === 'completed' && view.body;
      },
      timeoutMs,
      `job ${jobId} to complete`,
    );
    const items = await getJson<{ items: ItemView[] }>(`${url}/items`);
    return { job, jobId, items: new Map(items.body.items.map((i) => [i.userId, i])) };
  }

  const run = async (tenant: string, action: string, userIds: string[], params: Record<string, unknown> = {}, actorId = 'owner') =>
    finished(tenant, await submit(tenant, action, userIds, params, actorId));

  async function undo(tenant: string, jobId: string): Promise<FinishedJob> {
    const res = await postJson<{ id: string }>(`${system().jobsUrl(tenant)}/${jobId}/undo`, { actorId: 'owner' });
    expect(res.status).toBe(202);
    return finished(tenant, res.body.id);
  }

  return { submit, finished, run, undo };
}
