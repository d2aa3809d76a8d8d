import { signToken } from '@cohort/auth';
import { ACTION_IDS } from '@cohort/contracts';
import { uniqueTenant } from '@cohort/testing';
import {
  ALL_ACTIONS as ALL,
  expectedVerdicts,
  httpVerdicts,
  PERMISSION_TABLE as TABLE,
  permissionRequest as request,
  startPermissionSystem,
} from '../support/permission-table';
import { CohortSystem, getJson, postJson } from '../support/system';

/**
 * Every action × role cell of the permission table (DESIGN.md §1, seed 001), on the real system: what
 * `GET /v1/actions` offers each caller, and what the orchestrator's intake — the one check HTTP and
 * Kafka commands both pass — accepts (a preview) or refuses (403 AUTH.FORBIDDEN). The expected table
 * (test/support/permission-table.ts) is written out by hand from the seed, not derived from the code under
 * test; security-permissions.int-spec.ts runs every cell over Kafka and through the gateway.
 */
describe('permission table: every action × role cell', () => {
  const tenant = uniqueTenant('perms');
  let system: CohortSystem;
  let gateway: string;

  beforeAll(async () => {
    ({ system, gateway } = await startPermissionSystem(tenant, { GATEWAY_AUTH_CACHE_MS: '0', GATEWAY_RATE_LIMIT: '100000' }));
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('the written table covers the whole catalogue', () => {
    expect([...ALL].sort()).toEqual([...ACTION_IDS].sort());
  });

  it.each(Object.keys(TABLE))('GET /v1/actions offers %s exactly the actions of the table', async (id) => {
    const token = signToken({ sub: id, tid: tenant, role: TABLE[id].role as never, email: `${id}@${tenant}.test` });
    const res = await getJson<{ id: string }[]>(`${gateway}/v1/actions`, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.body.map((a) => a.id).sort()).toEqual([...TABLE[id].allowed].sort());
  });

  it.each(Object.keys(TABLE))('the orchestrator intake allows and refuses every action for %s as the table says', async (id) => {
    const verdicts = await httpVerdicts((action) =>
      postJson<{ code?: string }>(`${system.jobsUrl(tenant)}/preview`, { actorId: id, action, ...request(action) }),
    );
    expect(verdicts).toEqual(expectedVerdicts(id));
  });
});
