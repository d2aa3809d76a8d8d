import { INestApplication } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { ChunkResult, GroupList, ItemView, JobView, ManagerScope, PersonMemberships, Preview, TOPICS, WorkChunk } from '@cohort/contracts';
import { eventually, plainProducer, TopicRecorder, uniqueTenant, workLanes } from '@cohort/testing';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';

interface GroupSeed {
  kind?: 'team' | 'group';
  name?: string;
  autoEnrolCourseIds?: string[];
  managerUserIds?: string[];
}
interface MembershipRow {
  userId: string;
  groupIds: string[];
  sharedWith: string[];
  ops: { k: string; b?: unknown }[];
}

/**
 * membership's actions and internal HTTP API on real parts (Kafka, the store, identity and the orchestrator
 * running): remove-from-groups and add-share as jobs, add-to-groups as its membership step alone (a work
 * chunk published on the work topic, as the orchestrator would) with its compensation, and the preview's
 * auto-enrolment warning. Learning is not started: where a saga needs its `auto-enrol` step (the undo of
 * remove-from-groups is an add-to-groups job), the test answers that step itself.
 */
describe('membership: groups, shares and their HTTP API', () => {
  let system: CohortSystem;
  let membership: INestApplication;
  let recorder: TopicRecorder;
  let producer: Producer;

  const memberships = () => system.db('membership').collection<MembershipRow & { _id: string }>('memberships');
  const url = async (path: string) => `${(await membership.getUrl()).replace('[::1]', '127.0.0.1')}/internal/tenants/${path}`;
  const stored = async (tenant: string, userId: string) => memberships().findOne({ _id: `${tenant}:${userId}` });

  /** A tenant with an Owner (the actor), the people given in identity, its groups and the people's memberships. */
  async function seed(label: string, people: string[], groups: Record<string, GroupSeed>, member: Record<string, Partial<MembershipRow>> = {}) {
    const tenant = uniqueTenant(label);
    await system
      .db('identity')
      .collection('people')
      .insertMany([personDoc(tenant, 'owner', { role: 'Owner' }), ...people.map((id) => personDoc(tenant, id))] as never[]);
    await system
      .db('membership')
      .collection('groups')
      .insertMany(
        Object.entries(groups).map(([groupId, g]) => ({
          _id: `${tenant}:${groupId}`,
          tenantId: tenant,
          groupId,
          name: g.name ?? groupId,
          kind: g.kind ?? 'group',
          autoEnrolCourseIds: g.autoEnrolCourseIds ?? [],
          managerUserIds: g.managerUserIds ?? [],
        })) as never[],
      );
    const rows = Object.entries(member).map(([userId, m]) => ({
      _id: `${tenant}:${userId}`,
      tenantId: tenant,
      userId,
      groupIds: [],
      sharedWith: [],
      ops: [],
      ...m,
    }));
    if (rows.length) await memberships().insertMany(rows);
    return tenant;
  }

  async function runJob(
    tenant: string,
    action: string,
    params: Record<string, unknown>,
    userIds: string[],
  ): Promise<{ id: string; items: Map<string, ItemView> }> {
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), { actorId: 'owner', action, params, selection: { userIds } });
    expect(res.status).toBe(202);
    return { id: res.body.id, items: await finished(tenant, res.body.id) };
  }

  async function finished(tenant: string, jobId: string): Promise<Map<string, ItemView>> {
    await eventually(
      async () => ['completed', 'failed'].includes((await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body.status),
      30_000,
      `job ${jobId} to end`,
    );
    const items = await getJson<{ items: ItemView[] }>(`${system.jobsUrl(tenant)}/${jobId}/items`);
    return new Map(items.body.items.map((i) => [i.userId, i]));
  }

  /** Publishes a membership work chunk as the orchestrator would and waits for its result. */
  async function runChunk(work: WorkChunk): Promise<ChunkResult> {
    await producer.send({ topic: TOPICS.membershipWork, messages: [{ key: work.jobId, value: JSON.stringify(work) }] });
    const [result] = await recorder.waitFor<ChunkResult>(
      TOPICS.results,
      (r) => r.jobId === work.jobId && r.step === work.step && r.attempt === work.attempt && r.service === 'membership',
    );
    return result;
  }

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.results, ...workLanes('learning')]).start();
    producer = await plainProducer();
    system = await startSystem();
    membership = await system.startParticipant('membership');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  it('remove-from-groups: removes, skips a non-member, fails an unknown id; undo puts the person back', async () => {
    const tenant = await seed(
      'remove',
      ['ann', 'bob'],
      { sales: { name: 'Sales' }, ops: { name: 'Operations', kind: 'team' } },
      { ann: { groupIds: ['ops', 'sales'] }, bob: { groupIds: ['ops'] } },
    );
    const job = await runJob(tenant, 'remove-from-groups', { groupIds: ['sales'] }, ['ann', 'bob', 'ghost']);
    expect(job.items.get('ann')).toMatchObject({ status: 'succeeded' });
    expect(job.items.get('bob')).toMatchObject({ status: 'skipped', code: 'MEMBERSHIP.NOT_MEMBER' });
    expect(job.items.get('ghost')).toMatchObject({ status: 'failed', code: 'MEMBERSHIP.NOT_FOUND' });
    expect((await stored(tenant, 'ann'))?.groupIds).toEqual(['ops']);
    expect((await stored(tenant, 'bob'))?.groupIds).toEqual(['ops']);
    expect(await stored(tenant, 'ghost')).toBeNull();
    const person = await getJson<PersonMemberships>(await url(`${tenant}/people/ann/memberships`));
    expect(person.body).toEqual({ groups: [{ groupId: 'ops', name: 'Operations', kind: 'team' }], sharedWith: [] });

    const undo = await postJson<{ id: string }>(`${system.jobsUrl(tenant)}/${job.id}/undo`, { actorId: 'owner' });
    expect(undo.status).toBe(202);
    const undone = await finished(tenant, undo.body.id); // membership alone: putting people back enrols nobody
    expect([...undone.values()].map((i) => [i.userId, i.status])).toEqual([['ann', 'succeeded']]);
    expect((await stored(tenant, 'ann'))?.groupIds).toEqual(['ops', 'sales']);
  });

  it('add-share: shares, skips own team, the manager and already shared; the manager scope lists them; NOT_A_MANAGER', async () => {
    const tenant = await seed(
      'share',
      ['mia', 'max', 'new', 'mate', 'prior'],
      { crew: { kind: 'team', managerUserIds: ['mia'] }, club: { kind: 'group', managerUserIds: ['max'] } },
      { mate: { groupIds: ['crew'] }, prior: { sharedWith: ['mia'] }, max: { groupIds: ['club'] } },
    );
    const job = await runJob(tenant, 'add-share', { managerUserId: 'mia' }, ['new', 'mate', 'prior', 'mia', 'ghost']);
    expect(Object.fromEntries([...job.items].map(([id, i]) => [id, i.code ?? i.status]))).toEqual({
      new: 'succeeded',
      mate: 'MEMBERSHIP.OWN_TEAM',
      prior: 'MEMBERSHIP.ALREADY_SHARED',
      mia: 'MEMBERSHIP.SELF',
      ghost: 'MEMBERSHIP.NOT_FOUND',
    });
    expect((await stored(tenant, 'new'))?.sharedWith).toEqual(['mia']);
    expect((await stored(tenant, 'prior'))?.sharedWith).toEqual(['mia']);
    const scope = await getJson<ManagerScope>(await url(`${tenant}/managers/mia/people`));
    expect(scope.body).toEqual({ userIds: ['mate', 'new', 'prior'], truncated: false });

    const none = await runJob(tenant, 'add-share', { managerUserId: 'max' }, ['new', 'mate']);
    for (const item of none.items.values()) {
      expect(item).toMatchObject({ status: 'failed', code: 'MEMBERSHIP.NOT_A_MANAGER', message: expect.stringContaining('max') });
    }
    expect((await stored(tenant, 'new'))?.sharedWith).toEqual(['mia']);
    expect((await getJson<ManagerScope>(await url(`${tenant}/managers/max/people`))).body).toEqual({ userIds: [], truncated: false });
  });

  it('add-to-groups step: adds, hands on the auto-enrolment targets, skips members, fails unknown groups; redelivery and compensation', async () => {
    const tenant = await seed(
      'add',
      ['ann', 'bob', 'cid'],
      { onboarding: { autoEnrolCourseIds: ['c-safety', 'c-intro'] }, plain: {}, old: {} },
      { ann: { groupIds: ['old'] }, bob: { groupIds: ['onboarding', 'plain'] }, cid: { groupIds: ['plain'] } },
    );
    const work: WorkChunk = {
      jobId: `job-${tenant}`,
      step: 0,
      chunk: 0,
      attempt: 1,
      tenantId: tenant,
      action: 'add-to-groups',
      params: { groupIds: ['onboarding', 'plain'] },
      userIds: ['ann', 'bob', 'cid', 'dan', 'ghost'],
    };
    const first = await runChunk(work);
    const data = (groupIds: string[]) => ({ autoEnrol: { courseIds: groupIds.includes('onboarding') ? ['c-safety', 'c-intro'] : [], groupIds } });
    expect(first.outcomes).toEqual([
      { userId: 'ann', status: 'succeeded', before: ['onboarding', 'plain'], data: data(['onboarding', 'plain']) },
      expect.objectContaining({ userId: 'bob', status: 'skipped', code: 'MEMBERSHIP.ALREADY_MEMBER' }),
      { userId: 'cid', status: 'succeeded', before: ['onboarding'], data: data(['onboarding']) },
      expect.objectContaining({ userId: 'dan', status: 'failed', code: 'MEMBERSHIP.NOT_FOUND' }),
      expect.objectContaining({ userId: 'ghost', status: 'failed', code: 'MEMBERSHIP.NOT_FOUND' }),
    ]);
    expect((await stored(tenant, 'ann'))?.groupIds).toEqual(['old', 'onboarding', 'plain']);
    expect((await stored(tenant, 'cid'))?.groupIds).toEqual(['plain', 'onboarding']);
    expect(await stored(tenant, 'ghost')).toBeNull();
    const afterFirst = await memberships().find({ tenantId: tenant }).sort({ _id: 1 }).toArray();

    const again = await runChunk({ ...work, attempt: 2 });
    expect(again.outcomes).toEqual(first.outcomes);
    expect(await memberships().find({ tenantId: tenant }).sort({ _id: 1 }).toArray()).toEqual(afterFirst);

    const unknown = await runChunk({ ...work, jobId: `bad-${tenant}`, params: { groupIds: ['plain', 'nowhere'] }, userIds: ['ann', 'bob'] });
    expect(unknown.outcomes).toEqual([
      { userId: 'ann', status: 'failed', code: 'MEMBERSHIP.GROUP_NOT_FOUND', message: 'no team or group nowhere in the tenant', retryable: false },
      { userId: 'bob', status: 'failed', code: 'MEMBERSHIP.GROUP_NOT_FOUND', message: 'no team or group nowhere in the tenant', retryable: false },
    ]);
    expect(await memberships().find({ tenantId: tenant }).sort({ _id: 1 }).toArray()).toEqual(afterFirst);

    // a later step failed for ann, bob and cid: the compensation takes back exactly what step 0 added
    const undo = await runChunk({ ...work, step: 100, action: 'remove-from-groups', userIds: ['ann', 'bob', 'cid'] });
    expect(undo.outcomes).toEqual([
      { userId: 'ann', status: 'succeeded', before: ['onboarding', 'plain'] },
      { userId: 'bob', status: 'succeeded', before: [] },
      { userId: 'cid', status: 'succeeded', before: ['onboarding'] },
    ]);
    expect((await stored(tenant, 'ann'))?.groupIds).toEqual(['old']);
    expect((await stored(tenant, 'bob'))?.groupIds).toEqual(['onboarding', 'plain']);
    expect((await stored(tenant, 'cid'))?.groupIds).toEqual(['plain']);
  });

  it('preview of add-to-groups warns about auto-enrolment; the groups route lists teams first, by name', async () => {
    const tenant = await seed(
      'preview',
      ['ann', 'bob', 'cid'],
      {
        onboarding: { name: 'Onboarding', autoEnrolCourseIds: ['c-safety', 'c-intro'] },
        alpha: { name: 'Alpha crew', kind: 'team', managerUserIds: ['ann'] },
        zulu: { name: 'Zulu', kind: 'team' },
        book: { name: 'Book club' },
      },
      { cid: { groupIds: ['onboarding'] } },
    );
    const preview = await postJson<Preview>(`${system.jobsUrl(tenant)}/preview`, {
      actorId: 'owner',
      action: 'add-to-groups',
      params: { groupIds: ['onboarding'] },
      selection: { userIds: ['ann', 'bob', 'cid'] },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      total: 3,
      exact: true,
      willChange: 2,
      skipped: [expect.objectContaining({ code: 'MEMBERSHIP.ALREADY_MEMBER', count: 1 })],
    });
    expect(preview.body.warnings).toContainEqual({
      code: 'AUTO_ENROLMENT',
      message: expect.stringMatching(/^2 people will be enrolled in 2 courses/),
    });
    expect(preview.body.sample).toContainEqual(expect.objectContaining({ userId: 'ann', before: [], after: ['onboarding'] }));
    expect(await stored(tenant, 'ann')).toBeNull(); // a dry run writes nothing

    const list = await getJson<GroupList>(await url(`${tenant}/groups`));
    expect(list.body.items.map((g) => g.groupId)).toEqual(['alpha', 'zulu', 'book', 'onboarding']);
    expect(list.body.items[3]).toEqual({
      groupId: 'onboarding',
      name: 'Onboarding',
      kind: 'group',
      autoEnrolCourseIds: ['c-safety', 'c-intro'],
      managerUserIds: [],
    });
    const indexes = async (name: string) => (await system.db('membership').collection(name).indexes()).map((i) => JSON.stringify(i.key));
    await eventually(async () => (await indexes('memberships')).includes('{"tenantId":1,"sharedWith":1}'), 10_000, 'the memberships indexes');
    expect(await indexes('memberships')).toContain('{"tenantId":1,"groupIds":1}');
    expect(await indexes('groups')).toContain('{"tenantId":1,"managerUserIds":1}');
    const bad = await getJson<{ code: string; details: { field: string } }>(await url('Not_A_Tenant/groups'));
    expect(bad).toMatchObject({ status: 400, body: { code: 'MEMBERSHIP.INVALID_REQUEST', details: { field: 'tenantId' } } });
  });
});
