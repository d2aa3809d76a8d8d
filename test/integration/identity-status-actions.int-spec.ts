import { INestApplication } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { ChunkResult, Outcome, TOPICS, WorkChunk, workTopic } from '@cohort/contracts';
import { plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { jobHelpers } from '../support/jobs';
import { CohortSystem, personDoc, startSystem } from '../support/system';

/** small jobs' chunks travel on the express lane of the work topic */
const MEMBERSHIP_EXPRESS = workTopic('membership', TOPICS, 'express');

type Person = ReturnType<typeof personDoc> & { priorStatuses?: string[] };

/**
 * identity's status actions through real parts: the orchestrator's jobs API → identity (and the learning,
 * communications and membership steps of the deactivate and delete sagas) → results → per-person items.
 * Learning and communications run from the start; membership is played by the test first (to fail a
 * person), then started for real, so the tests below run in file order.
 */
describe('identity status actions: deactivate, reactivate, archive, delete', () => {
  let system: CohortSystem;
  let participants: INestApplication[] = [];
  let recorder: TopicRecorder;
  let producer: Producer;
  const people = () => system.db('identity').collection<Person>('people');
  const statusOf = async (tenant: string, userId: string) => (await people().findOne({ _id: `${tenant}:${userId}` }))?.status;
  const ownersOf = async (tenant: string) =>
    (await system.db('identity').collection<{ _id: string; owners: string[] }>('tenants').findOne({ _id: tenant }))?.owners;

  async function seed(tenant: string, others: Array<[string, Record<string, unknown>]>) {
    await people().insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), ...others.map(([id, fields]) => personDoc(tenant, id, fields))]);
  }

  const jobs = jobHelpers(() => system);
  const { finished, undo } = jobs;
  const submit = (tenant: string, action: string, userIds: string[], actorId = 'owner') => jobs.submit(tenant, action, userIds, {}, actorId);
  const run = (tenant: string, action: string, userIds: string[], actorId = 'owner') => jobs.run(tenant, action, userIds, {}, actorId);

  beforeAll(async () => {
    recorder = await new TopicRecorder([MEMBERSHIP_EXPRESS]).start();
    producer = await plainProducer();
    system = await startSystem({ env: { ORCH_RETRY_BASE_MS: '200', ORCH_PROGRESS_MS: '300' } });
    participants = [await system.startParticipant('learning'), await system.startParticipant('communications')];
  });

  afterAll(async () => {
    for (const app of participants) await app.close();
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('deactivates through every saga step; skips self and the last Owner; fails the unknown', async () => {
    const tenant = uniqueTenant('deact');
    await seed(tenant, [
      ['admin', { role: 'Admin' }],
      ['learner', {}],
      ['invitee', { status: 'invited', invitation: { sentCount: 1, sentAt: new Date() } }],
      ['gone', { status: 'archived' }],
    ]);
    const { job, items } = await run(tenant, 'deactivate', ['owner', 'admin', 'learner', 'invitee', 'gone', 'ghost'], 'admin');
    expect(job.counts).toMatchObject({ succeeded: 2, skipped: 3, failed: 1 });
    expect(items.get('owner')).toMatchObject({ status: 'skipped', code: 'IDENTITY.LAST_OWNER' });
    expect(items.get('admin')).toMatchObject({ status: 'skipped', code: 'IDENTITY.SELF' });
    expect(items.get('learner')).toMatchObject({ status: 'succeeded', before: 'active', step: 'hold-messages' });
    expect(items.get('invitee')).toMatchObject({ status: 'succeeded', before: 'invited' });
    expect(items.get('gone')).toMatchObject({
      status: 'skipped',
      code: 'IDENTITY.WRONG_STATUS',
      message: 'cannot deactivate someone whose status is archived',
    });
    expect(items.get('ghost')).toMatchObject({ status: 'failed', code: 'IDENTITY.NOT_FOUND' });
    expect(await statusOf(tenant, 'owner')).toBe('active');
    expect(await statusOf(tenant, 'admin')).toBe('active');
    expect(await statusOf(tenant, 'learner')).toBe('deactivated');
    expect(await statusOf(tenant, 'invitee')).toBe('deactivated');
  });

  it('the undo of deactivate gives each person back the status they had; an Owner returns to the owners list', async () => {
    const tenant = uniqueTenant('undo');
    await seed(tenant, [
      ['co-owner', { role: 'Owner' }],
      ['invitee', { status: 'invited', invitation: { sentCount: 1, sentAt: new Date() } }],
    ]);
    const deactivated = await submit(tenant, 'deactivate', ['co-owner', 'invitee']);
    expect((await finished(tenant, deactivated)).job.counts).toMatchObject({ succeeded: 2 });
    expect(await statusOf(tenant, 'co-owner')).toBe('deactivated');
    expect(await ownersOf(tenant)).toEqual(['owner']);

    const { job } = await undo(tenant, deactivated);
    expect(job.counts).toMatchObject({ succeeded: 2 });
    expect(await statusOf(tenant, 'co-owner')).toBe('active');
    expect(await statusOf(tenant, 'invitee')).toBe('invited');
    expect((await ownersOf(tenant))?.sort()).toEqual(['co-owner', 'owner']);
  });

  it('reactivation gives back exactly the prior status: an active person with an old invitation active, deactivated then archived deactivated', async () => {
    const tenant = uniqueTenant('prior');
    const joined = { lastActiveAt: new Date('2026-11-01T00:00:00Z'), invitation: { sentCount: 1, sentAt: new Date('2026-01-01T00:00:00Z') } };
    await seed(tenant, [
      ['joined', joined], // the demo tenant's active people carry the invitation they once accepted
      ['layered', {}],
      ['pending', { status: 'invited', invitation: { sentCount: 2, sentAt: new Date(), tokenHash: 'h' } }],
    ]);
    const deactivated = await submit(tenant, 'deactivate', ['joined', 'layered', 'pending']);
    expect((await finished(tenant, deactivated)).job.counts).toMatchObject({ succeeded: 3 });
    await run(tenant, 'archive-profile', ['layered']);
    expect(await statusOf(tenant, 'layered')).toBe('archived');

    await run(tenant, 'reactivate', ['joined', 'pending']);
    expect([await statusOf(tenant, 'joined'), await statusOf(tenant, 'pending')]).toEqual(['active', 'invited']);
    const profile = await run(tenant, 'reactivate-profile', ['layered']);
    expect(profile.items.get('layered')).toMatchObject({ status: 'succeeded', before: 'archived' });
    expect(await statusOf(tenant, 'layered')).toBe('deactivated'); // what it was before the archive
    await run(tenant, 'reactivate', ['layered']);
    expect(await statusOf(tenant, 'layered')).toBe('active');
    expect((await people().findOne({ _id: `${tenant}:layered` }))?.priorStatuses).toEqual([]);
  });

  it('reactivates the deactivated (invited again if they never joined) and skips the others', async () => {
    const tenant = uniqueTenant('react');
    await seed(tenant, [
      ['off', { status: 'deactivated' }],
      ['off-invitee', { status: 'deactivated', invitation: { sentCount: 1, sentAt: new Date(), tokenHash: 'h' } }],
      ['on', {}],
      ['archived', { status: 'archived' }],
    ]);
    const { items } = await run(tenant, 'reactivate', ['off', 'off-invitee', 'on', 'archived']);
    expect(items.get('off')).toMatchObject({ status: 'succeeded', before: 'deactivated' });
    expect(items.get('on')).toMatchObject({ status: 'skipped', code: 'IDENTITY.UNCHANGED', message: 'status is already active' });
    expect(items.get('archived')).toMatchObject({ status: 'skipped', code: 'IDENTITY.WRONG_STATUS' });
    expect(await statusOf(tenant, 'off')).toBe('active');
    expect(await statusOf(tenant, 'off-invitee')).toBe('invited');
  });

  it('archives profiles and gives them back, by reactivate-profile and by undo', async () => {
    const tenant = uniqueTenant('archive');
    await seed(tenant, [
      ['a', {}],
      ['b', { status: 'invited', invitation: { sentCount: 1, sentAt: new Date() } }],
    ]);
    const archivedJob = await submit(tenant, 'archive-profile', ['owner', 'a', 'b']);
    const { items } = await finished(tenant, archivedJob);
    expect(items.get('owner')).toMatchObject({ status: 'skipped', code: 'IDENTITY.SELF', message: 'nobody can archive themself' });
    expect(items.get('b')).toMatchObject({ status: 'succeeded', before: 'invited' });
    expect([await statusOf(tenant, 'a'), await statusOf(tenant, 'b')]).toEqual(['archived', 'archived']);

    const back = await run(tenant, 'reactivate-profile', ['a']);
    expect(back.items.get('a')).toMatchObject({ status: 'succeeded', before: 'archived' });
    expect(await statusOf(tenant, 'a')).toBe('active');

    await undo(tenant, archivedJob); // reactivate-profile for a (already active: skipped) and b
    expect([await statusOf(tenant, 'a'), await statusOf(tenant, 'b')]).toEqual(['active', 'invited']);
  });

  it('a delete that fails at a later step for a person puts back the status they had', async () => {
    const tenant = uniqueTenant('delcomp');
    await seed(tenant, [
      ['keep', { status: 'archived' }],
      ['erase', {}],
    ]);
    const jobId = await submit(tenant, 'delete', ['keep', 'erase']);
    await playMembership(jobId, (userId) =>
      userId === 'keep'
        ? { userId, status: 'failed', code: 'MEMBERSHIP.TEST_FAILURE', message: 'membership refused in this test', retryable: false }
        : { userId, status: 'succeeded' },
    );
    const { job, items } = await finished(tenant, jobId);
    expect(job.counts).toMatchObject({ succeeded: 1, failed: 1 });
    expect(items.get('keep')).toMatchObject({ status: 'failed', code: 'MEMBERSHIP.TEST_FAILURE', step: 'erase-person' });
    expect(await statusOf(tenant, 'keep')).toBe('archived');
    expect(await statusOf(tenant, 'erase')).toBeUndefined();
  });

  it('deletes end to end: pending deletion while a later step has not answered, then gone', async () => {
    const tenant = uniqueTenant('delete');
    await seed(tenant, [
      ['co-owner', { role: 'Owner' }],
      ['learner', {}],
    ]);
    const jobId = await submit(tenant, 'delete', ['owner', 'co-owner', 'learner']);
    await recorder.waitFor<WorkChunk>(MEMBERSHIP_EXPRESS, (w) => w.jobId === jobId);
    expect(await statusOf(tenant, 'co-owner')).toBe('pending-deletion');
    expect(await statusOf(tenant, 'learner')).toBe('pending-deletion');
    expect(await ownersOf(tenant)).toEqual(['owner']);

    participants.push(await system.startParticipant('membership'));
    const { job, items } = await finished(tenant, jobId);
    expect(job.counts).toMatchObject({ succeeded: 2, skipped: 1 });
    expect(items.get('owner')).toMatchObject({ status: 'skipped', code: 'IDENTITY.SELF' });
    expect(items.get('learner')).toMatchObject({ status: 'succeeded', step: 'erase-person' });
    expect(await statusOf(tenant, 'co-owner')).toBeUndefined();
    expect(await statusOf(tenant, 'learner')).toBeUndefined();
    expect(await statusOf(tenant, 'owner')).toBe('active');
    expect(await ownersOf(tenant)).toEqual(['owner']);
  });

  /** Answers the membership step of one job as the membership service would, with `outcome` per person. */
  async function playMembership(jobId: string, outcome: (userId: string) => Outcome) {
    const [work] = await recorder.waitFor<WorkChunk>(MEMBERSHIP_EXPRESS, (w) => w.jobId === jobId);
    const result: ChunkResult = {
      jobId,
      step: work.step,
      chunk: work.chunk,
      attempt: work.attempt,
      service: 'membership',
      outcomes: work.userIds.map(outcome),
    };
    await producer.send({ topic: TOPICS.results, messages: [{ key: jobId, value: JSON.stringify(result) }] });
  }
});
