import { Producer } from 'kafkajs';
import { signToken } from '@cohort/auth';
import { ItemView, JobEvent, TOPICS } from '@cohort/contracts';
import { eventually, plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { gatewayClient, Json } from '../support/gateway-client';
import { insertLearner } from '../support/learners';
import { CohortSystem, personDoc, startSystem } from '../support/system';

/** every collection of every service that holds a tenant's documents */
const COLLECTIONS: Array<[string, string]> = [
  ['identity', 'people'],
  ['identity', 'tenants'],
  ['membership', 'memberships'],
  ['membership', 'groups'],
  ['learning', 'learners'],
  ['learning', 'courses'],
  ['learning', 'certificates'],
  ['communications', 'notifications'],
  ['communications', 'outbox'],
];

/**
 * Tenant isolation on the real system (identity, orchestrator, gateway, membership, learning,
 * communications): tenant A's administrator names tenant B's people — by explicit id (B's ids, an id both
 * tenants use, B's composite `<tenant>:<user>` key), by filters on B's groups and courses, and as group and
 * course parameters — over the public HTTP API and over the Kafka command topic, running deactivate, delete,
 * add-to-groups, enrol and add-labels. Every one of B's documents in every service's collections is the
 * same afterwards; each of B's ids is reported per person (failed <SERVICE>.NOT_FOUND) or the request is
 * refused naming the field; A's own people are changed as asked. B's jobs are invisible to A.
 */
describe('security: one tenant never touches another', () => {
  const A = uniqueTenant('secta');
  const B = uniqueTenant('sectb');
  let system: CohortSystem;
  let base: string;
  let recorder: TopicRecorder;
  let producer: Producer;
  const tokenA = `Bearer ${signToken({ sub: 'owner', tid: A, role: 'Owner', email: `owner@${A}.test` })}`;
  const tokenB = `Bearer ${signToken({ sub: 'owner', tid: B, role: 'Owner', email: `owner@${B}.test` })}`;
  let snapshotOfB: Json;
  let jobOfB: string;

  const request = gatewayClient(() => base);
  const call = (method: string, path: string, token = tokenA, body?: unknown) => request(method, path, token, body);

  /** Every document of tenant B, per collection, in _id order. */
  async function documentsOf(tenant: string): Promise<Json> {
    const all: Json = {};
    for (const [service, collection] of COLLECTIONS) {
      const filter = collection === 'tenants' ? { _id: tenant } : { tenantId: tenant };
      all[`${service}.${collection}`] = await system
        .db(service)
        .collection(collection)
        .find(filter as never)
        .sort({ _id: 1 })
        .toArray();
    }
    return all;
  }

  /** Runs a job through the gateway as A's Owner and waits for it: its per-person items by user id. */
  async function runAsA(job: Json): Promise<{ job: Json; items: Map<string, ItemView> }> {
    const submitted = await call('POST', '/v1/batch-jobs', tokenA, job);
    expect(submitted.status).toBe(202);
    return finishedForA(submitted.body.id as string);
  }

  async function finishedForA(jobId: string): Promise<{ job: Json; items: Map<string, ItemView> }> {
    const job = await eventually(
      async () => {
        const view = await call('GET', `/v1/batch-jobs/${jobId}`);
        return ['completed', 'failed'].includes(view.body.status) && view.body;
      },
      90_000,
      `job ${jobId}`,
    );
    const items = await call('GET', `/v1/batch-jobs/${jobId}/items?limit=100`);
    return { job, items: new Map((items.body.items as ItemView[]).map((i) => [i.userId, i])) };
  }

  const outcome = (i: ItemView | undefined) => i && `${i.status}${i.code ? ` ${i.code}` : ''}`;

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.events]).start();
    producer = await plainProducer();
    system = await startSystem({ gateway: true, env: { GATEWAY_RATE_LIMIT: '100000', ORCH_PROGRESS_MS: '300' } });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    for (const service of ['membership', 'learning', 'communications'] as const) await system.startParticipant(service);
    const people = system.db('identity').collection('people');
    await people.insertMany([
      personDoc(A, 'owner', { role: 'Owner' }),
      personDoc(A, 'a1'),
      personDoc(A, 'a2'),
      personDoc(A, 'shared'), // the same user id as one of B's people
      personDoc(B, 'owner', { role: 'Owner' }),
      personDoc(B, 'b1', { groupIds: ['g-b'], labels: ['team-b'] }),
      personDoc(B, 'b2', { role: 'Admin' }),
      personDoc(B, 'shared'),
    ] as never[]);
    await system
      .db('membership')
      .collection('groups')
      .insertOne({
        _id: `${B}:g-b`,
        tenantId: B,
        groupId: 'g-b',
        name: 'B team',
        kind: 'team',
        autoEnrolCourseIds: ['c-b'],
        managerUserIds: [],
      } as never);
    await system
      .db('membership')
      .collection('memberships')
      .insertMany([
        { _id: `${B}:b1`, tenantId: B, userId: 'b1', groupIds: ['g-b'], sharedWith: [], ops: [] },
        { _id: `${B}:shared`, tenantId: B, userId: 'shared', groupIds: ['g-b'], sharedWith: [], ops: [] },
      ] as never[]);
    await system
      .db('learning')
      .collection('courses')
      .insertOne({ _id: `${B}:c-b`, tenantId: B, courseId: 'c-b', title: 'B course', kind: 'course' } as never);
    for (const id of ['b1', 'shared'])
      await insertLearner(system.db('learning'), B, id, {
        enrolments: [{ courseId: 'c-b', status: 'in-progress', attempt: 1, enrolledAt: new Date() }],
        tasks: [{ taskId: 't-b', status: 'open' }],
      });
    await system
      .db('communications')
      .collection('notifications')
      .insertOne({ _id: `${B}:n1`, tenantId: B, userId: 'b1', subject: 'For B', body: 'Only B', createdAt: new Date() } as never);
    // a job of B's own, which A must not see
    const own = await call('POST', '/v1/batch-jobs', tokenB, {
      action: 'add-labels',
      params: { labels: ['b-only'] },
      selection: { userIds: ['b2'] },
    });
    expect(own.status).toBe(202);
    jobOfB = own.body.id as string;
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${jobOfB}`, tokenB)).body.status === 'completed', 60_000, "B's job");
    snapshotOfB = await documentsOf(B);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it("B's ids in A's explicit selections are failed IDENTITY.NOT_FOUND per person; A's person of the same id is the one changed", async () => {
    const { items } = await runAsA({ action: 'deactivate', params: {}, selection: { userIds: ['b1', 'b2', 'shared', 'a1'] } });
    expect(Object.fromEntries([...items].map(([id, i]) => [id, outcome(i)]))).toEqual({
      b1: 'failed IDENTITY.NOT_FOUND',
      b2: 'failed IDENTITY.NOT_FOUND',
      shared: 'succeeded',
      a1: 'succeeded',
    });
    const stored = await system
      .db('identity')
      .collection('people')
      .find({ _id: { $in: [`${A}:shared`, `${B}:shared`] } } as never)
      .toArray();
    expect(Object.fromEntries(stored.map((p) => [p._id, p.status]))).toEqual({ [`${A}:shared`]: 'deactivated', [`${B}:shared`]: 'active' });
  });

  it("B's groups and courses as A's parameters are not found; B's people stay out of A's membership and learning", async () => {
    const groups = await runAsA({ action: 'add-to-groups', params: { groupIds: ['g-b'] }, selection: { userIds: ['a2', 'b1'] } });
    // the owning service asks identity who the chunk's people are: B's id is not found there
    expect(outcome(groups.items.get('b1'))).toBe('failed MEMBERSHIP.NOT_FOUND');
    expect(groups.items.get('a2')).toMatchObject({ status: 'failed', code: 'MEMBERSHIP.GROUP_NOT_FOUND' });
    const enrol = await runAsA({ action: 'enrol', params: { courseIds: ['c-b'] }, selection: { userIds: ['a2', 'b1', 'shared'] } });
    expect(outcome(enrol.items.get('b1'))).toBe('failed LEARNING.NOT_FOUND');
    expect(enrol.items.get('a2')).toMatchObject({ code: 'LEARNING.COURSE_NOT_FOUND' });
    expect(await system.db('membership').collection('memberships').countDocuments({ tenantId: A, groupIds: 'g-b' })).toBe(0);
  });

  it("filters naming B's groups, courses, labels or people select none of B's people", async () => {
    for (const filter of [{ groupIds: ['g-b'] }, { courseId: 'c-b' }, { labels: ['team-b'] }, { q: 'b1' }]) {
      const preview = await call('POST', '/v1/batch-jobs/preview', tokenA, {
        action: 'add-labels',
        params: { labels: ['leak'] },
        selection: { filter },
      });
      expect([filter, preview.status, preview.body.total]).toEqual([filter, 200, 0]);
    }
    // everyone of A (filter {}) is A's people only
    const { job, items } = await runAsA({ action: 'add-labels', params: { labels: ['all-of-a'] }, selection: { filter: {} } });
    expect(job.total).toBe(4);
    expect([...items.keys()].sort()).toEqual(['a1', 'a2', 'owner', 'shared']);
  });

  it("delete of A's person whose id B also uses erases only A's, in every service", async () => {
    const { items } = await runAsA({ action: 'delete', params: {}, selection: { userIds: ['shared', 'b1'] } });
    expect(outcome(items.get('shared'))).toBe('succeeded');
    expect(outcome(items.get('b1'))).toBe('failed IDENTITY.NOT_FOUND');
    expect(
      await system
        .db('identity')
        .collection('people')
        .countDocuments({ _id: `${A}:shared` } as never),
    ).toBe(0);
  });

  it("a composite key or a tenant field smuggled into A's request is refused naming the field", async () => {
    const composite = await call('POST', '/v1/batch-jobs/preview', tokenA, { action: 'deactivate', params: {}, selection: { userIds: [`${B}:b1`] } });
    expect(composite).toMatchObject({ status: 400, body: { details: { field: 'selection.userIds.0' } } });
    const tenantField = await call('POST', '/v1/batch-jobs', tokenA, {
      tenantId: B,
      action: 'deactivate',
      params: {},
      selection: { userIds: ['b1'] },
    });
    expect(tenantField.status).toBe(400);
    expect(JSON.stringify(tenantField.body)).toContain('tenantId');
  });

  it("A cannot see, download, cancel, retry or undo B's job, nor read B's people", async () => {
    for (const [method, path] of [
      ['GET', `/v1/batch-jobs/${jobOfB}`],
      ['GET', `/v1/batch-jobs/${jobOfB}/items`],
      ['GET', `/v1/batch-jobs/${jobOfB}/results.csv`],
      ['POST', `/v1/batch-jobs/${jobOfB}/cancel`],
      ['POST', `/v1/batch-jobs/${jobOfB}/retry`],
      ['POST', `/v1/batch-jobs/${jobOfB}/undo`],
      ['POST', `/v1/batch-jobs/${jobOfB}/undo/preview`],
      ['GET', '/v1/people/b1'],
    ]) {
      const res = await call(method, path);
      expect([path, res.status]).toEqual([path, 404]);
    }
    const listed = await call('GET', '/v1/batch-jobs');
    expect((listed.body.items as Json[]).map((j) => j.id)).not.toContain(jobOfB);
    const directory = await call('GET', '/v1/people?limit=100');
    expect((directory.body.items as Json[]).map((p) => p.userId).sort()).toEqual(['a1', 'a2', 'owner']);
  });

  it("over Kafka: B's ids in A's command are failed per person; A's actor cannot act in B; a composite key is rejected", async () => {
    const send = (command: Json) =>
      producer.send({ topic: TOPICS.commands, messages: [{ key: String(command.tenantId), value: JSON.stringify(command) }] });
    const ids = { inA: `xt-a-${A}`, asB: `xt-b-${A}`, composite: `xt-c-${A}` };
    await send({
      commandId: ids.inA,
      tenantId: A,
      actor: { userId: 'owner' },
      action: 'deactivate',
      params: {},
      selection: { userIds: ['b1', 'b2', 'a2'] },
    });
    // A's administrator (a1 exists only in A) naming tenant B
    await send({ commandId: ids.asB, tenantId: B, actor: { userId: 'a2' }, action: 'delete', params: {}, selection: { userIds: ['b1'] } });
    await send({
      commandId: ids.composite,
      tenantId: A,
      actor: { userId: 'owner' },
      action: 'delete',
      params: {},
      selection: { userIds: [`${B}:b1`] },
    });
    const [accepted] = await recorder.waitFor<JobEvent>(TOPICS.events, (e) => e.type === 'accepted' && e.commandId === ids.inA, 1, 60_000);
    const { items } = await finishedForA((accepted as Extract<JobEvent, { type: 'accepted' }>).jobId);
    expect(Object.fromEntries([...items].map(([id, i]) => [id, outcome(i)]))).toEqual({
      b1: 'failed IDENTITY.NOT_FOUND',
      b2: 'failed IDENTITY.NOT_FOUND',
      a2: 'succeeded',
    });
    const [asB] = await recorder.waitFor<JobEvent>(TOPICS.events, (e) => e.type === 'rejected' && e.commandId === ids.asB, 1, 60_000);
    expect(asB).toMatchObject({ tenantId: B, reason: { code: 'AUTH.UNKNOWN_ACTOR', field: 'actor.userId' } });
    const [composite] = await recorder.waitFor<JobEvent>(TOPICS.events, (e) => e.type === 'rejected' && e.commandId === ids.composite, 1, 60_000);
    expect(composite).toMatchObject({ reason: { field: 'selection.userIds.0' } });
  });

  it("after all of it, every one of B's documents in identity, membership, learning and communications is as it was", async () => {
    expect(await documentsOf(B)).toEqual(snapshotOfB);
    expect(snapshotOfB['identity.people']).toHaveLength(4);
    expect(snapshotOfB['membership.memberships']).toHaveLength(2);
    expect(snapshotOfB['learning.learners']).toHaveLength(2);
  });
});
