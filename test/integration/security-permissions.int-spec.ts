import { Producer } from 'kafkajs';
import { signToken } from '@cohort/auth';
import { JobEvent, Role, TOPICS } from '@cohort/contracts';
import { plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import {
  ALL_ACTIONS,
  expectedVerdicts,
  httpVerdicts,
  PERMISSION_TABLE,
  PERMISSION_TARGET,
  permissionRequest,
  startPermissionSystem,
} from '../support/permission-table';
import { CohortSystem, postJson } from '../support/system';

type Verdicts = Record<string, string>;

/**
 * Every action × role cell of the permission table (DESIGN.md §1, seed 001) the two ways a job can be
 * asked for, on the real system: as a BatchCommand on the command topic — answered by an `accepted`
 * event or a `rejected` one with AUTH.FORBIDDEN — and as `POST /v1/batch-jobs/preview` through the public
 * gateway with each principal's own token — 200 or 403 AUTH.FORBIDDEN. The table is the hand-written one
 * of test/support/permission-table.ts (permissions.int-spec.ts checks `GET /v1/actions` and the
 * orchestrator's HTTP intake against it). Accepted commands are scheduled a day ahead and cancelled
 * afterwards, so no cell changes anyone.
 */
describe('security: every permission cell over Kafka and through the gateway', () => {
  const tenant = uniqueTenant('secperm');
  const principals = Object.keys(PERMISSION_TABLE);
  let system: CohortSystem;
  let gateway: string;
  let recorder: TopicRecorder;
  let producer: Producer;

  const commandId = (principal: string, action: string) => `perm-${tenant}-${principal}-${action}`;
  const tokenOf = (principal: string) =>
    signToken({ sub: principal, tid: tenant, role: PERMISSION_TABLE[principal].role as Role, email: `${principal}@${tenant}.test` });

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.events]).start();
    producer = await plainProducer();
    ({ system, gateway } = await startPermissionSystem(tenant, { GATEWAY_AUTH_CACHE_MS: '60000', GATEWAY_RATE_LIMIT: '100000' }));
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it(`publishes ${principals.length} × ${ALL_ACTIONS.length} commands: each allowed cell accepted, each other rejected with AUTH.FORBIDDEN`, async () => {
    const scheduledAt = new Date(Date.now() + 24 * 3600_000).toISOString();
    const messages = principals.flatMap((principal) =>
      ALL_ACTIONS.map((action) => ({
        key: tenant,
        value: JSON.stringify({
          commandId: commandId(principal, action),
          tenantId: tenant,
          actor: { userId: principal },
          action,
          ...permissionRequest(action),
          options: { scheduledAt },
        }),
      })),
    );
    await producer.send({ topic: TOPICS.commands, messages });
    const answered = await recorder.waitFor<JobEvent>(
      TOPICS.events,
      (e) => e.tenantId === tenant && (e.type === 'accepted' || e.type === 'rejected'),
      messages.length,
      180_000,
    );
    const byCommand = new Map(answered.map((e) => [(e as { commandId?: string }).commandId, e]));
    expect(byCommand.size).toBe(messages.length); // each command answered exactly once
    const verdicts: Record<string, Verdicts> = {};
    for (const principal of principals) {
      verdicts[principal] = {};
      for (const action of ALL_ACTIONS) {
        const event = byCommand.get(commandId(principal, action));
        verdicts[principal][action] =
          event?.type === 'accepted'
            ? 'allowed'
            : event?.type === 'rejected' && event.reason.code === 'AUTH.FORBIDDEN' && event.reason.field === 'action'
              ? 'forbidden'
              : `${event?.type} ${event?.type === 'rejected' ? event.reason.code : ''}`;
      }
    }
    expect(verdicts).toEqual(Object.fromEntries(principals.map((p) => [p, expectedVerdicts(p)])));

    // nobody was touched: the accepted jobs wait for tomorrow; cancel them
    const accepted = answered.filter((e) => e.type === 'accepted') as Extract<JobEvent, { type: 'accepted' }>[];
    for (const e of accepted) {
      const res = await postJson(`${system.jobsUrl(tenant)}/${e.jobId}/cancel`, { actorId: 'owner' });
      expect(res.status).toBe(200);
    }
    expect(
      await system
        .db('identity')
        .collection('people')
        .findOne({ _id: `${tenant}:${PERMISSION_TARGET}` as never }),
    ).toMatchObject({ v: 1 });
  }, 240_000);

  it.each(principals)("POST /v1/batch-jobs/preview with %s's token allows and refuses every action as the table says", async (principal) => {
    const auth = { authorization: `Bearer ${tokenOf(principal)}` };
    const verdicts = await httpVerdicts((action) =>
      postJson<{ code?: string }>(`${gateway}/v1/batch-jobs/preview`, { action, ...permissionRequest(action) }, auth),
    );
    expect(verdicts).toEqual(expectedVerdicts(principal));
  });
});
