import { INestApplication } from '@nestjs/common';
import { MongoClient } from 'mongodb';
import { Producer } from 'kafkajs';
import {
  ChunkResult,
  DigestAccumulator,
  ROLES,
  DirectoryPage,
  Outcome,
  PeopleFilter,
  PersonView,
  SelectionStreamLine,
  TOPICS,
  WorkChunk,
} from '@cohort/contracts';
import { plainProducer, startService, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { IdentityModule } from '../../apps/identity/src/identity.module';
import type { PersonDoc } from '../../scripts/demo-documents';

const STATUSES: PersonDoc['status'][] = ['active', 'invited', 'deactivated', 'archived'];
const LANGUAGES: PersonDoc['language'][] = ['en', 'nl', 'de'];
const DAY = 86_400_000;

/** u-000 … in the small tenants, u-0000 … in the big one */
const userId = (i: number, width = 3) => `u-${String(i).padStart(width, '0')}`;

/** A person document shaped like the demo seed's (scripts/demo-documents.ts), varied by index. */
function personDoc(tenantId: string, i: number, over: Partial<PersonDoc> = {}): PersonDoc {
  const id = over.userId ?? userId(i);
  const name = i === 7 ? 'Ann (Smith).* Seven' : `Person ${id}`;
  const email = `${id}@${tenantId}.test`;
  const createdAt = new Date(Date.UTC(2024, 0, 1) + i * DAY);
  return {
    _id: `${tenantId}:${id}`,
    tenantId,
    userId: id,
    email,
    name,
    search: `${name} ${email}`.toLowerCase(),
    status: STATUSES[i % 4],
    role: ROLES[i % 7],
    permissions: [],
    language: LANGUAGES[i % 3],
    country: ['NL', 'DE', 'BE', 'FR', 'GB'][i % 5],
    profileVisibility: i % 6 === 0 ? 'private' : 'public',
    labels: [[], ['a'], ['b', 'c'], ['b']][i % 4],
    specialisms: i % 5 === 1 ? ['go'] : [],
    hireDate: new Date(Date.UTC(2015, 0, 1) + i * 70 * DAY),
    lastActiveAt: i % 4 === 1 ? null : new Date(Date.UTC(2025, 0, 1) + i * DAY),
    anonymous: false,
    invitation: { sentCount: 1, sentAt: createdAt },
    priorStatuses: [],
    ops: [],
    createdAt,
    updatedAt: createdAt,
    v: 1,
    ...over,
  };
}

/**
 * identity's internal HTTP API and change-role work on the real store and broker: people of unique
 * tenants go in with the plain driver (as the seed writes them), the API is called over HTTP.
 */
describe('identity internal API and change-role on the real store', () => {
  const tenant = uniqueTenant('dir');
  const other = uniqueTenant('dir-other');
  const big = uniqueTenant('big');
  let app: INestApplication;
  let base: string;
  let mongo: MongoClient;
  const people = () => mongo.db(`${process.env.MONGO_DB_PREFIX}_identity`).collection<PersonDoc>('people');
  const tenants = () => mongo.db(`${process.env.MONGO_DB_PREFIX}_identity`).collection<{ _id: string; owners: string[] }>('tenants');

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const search = async (t: string, body: unknown) => {
    const res = await post(`/internal/tenants/${t}/people/search`, body);
    expect(res.status).toBe(200);
    return (await res.json()) as DirectoryPage;
  };

  /** Every page of a filter: the ids in page order, each page's total. */
  async function allPages(t: string, filter: PeopleFilter, limit: number): Promise<{ ids: string[]; totals: number[] }> {
    const ids: string[] = [];
    const totals: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await search(t, { filter, limit, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((p) => p.userId));
      totals.push(page.total);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { ids, totals };
  }

  const tenantPeople = Array.from({ length: 40 }, (_, i) => personDoc(tenant, i));

  beforeAll(async () => {
    mongo = await MongoClient.connect(process.env.MONGO_URL!);
    const others = [0, 1, 2].map((i) => personDoc(other, i, { role: 'Owner', labels: ['a'] })).concat(personDoc(other, 99));
    const crowd = Array.from({ length: 2100 }, (_, i) => personDoc(big, i, { userId: userId(i, 4) }));
    await people().insertMany([...tenantPeople, ...others, ...crowd]);
    app = await startService(IdentityModule);
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await mongo?.close();
  });

  describe('GET person', () => {
    it('returns the person view with ISO dates', async () => {
      const res = await fetch(`${base}/internal/tenants/${tenant}/people/u-005`);
      expect(res.status).toBe(200);
      const view = (await res.json()) as PersonView;
      const doc = tenantPeople[5];
      expect(view).toMatchObject({ userId: 'u-005', tenantId: tenant, email: doc.email, role: doc.role, status: doc.status, labels: doc.labels });
      expect(view.hireDate).toBe(doc.hireDate.toISOString());
      expect(view.createdAt).toBe(doc.createdAt.toISOString());
      expect(view).not.toHaveProperty('ops');
    });

    it("is 404 IDENTITY.NOT_FOUND for an unknown id and for another tenant's person", async () => {
      for (const id of ['nobody', 'u-099']) {
        const res = await fetch(`${base}/internal/tenants/${tenant}/people/${id}`);
        expect(res.status).toBe(404);
        expect(await res.json()).toMatchObject({ code: 'IDENTITY.NOT_FOUND', details: { field: 'userId' } });
      }
    });
  });

  describe('directory', () => {
    const cases: [string, PeopleFilter, (p: PersonDoc) => boolean][] = [
      ['everyone', {}, () => true],
      [
        'roles and statuses',
        { roles: ['Admin', 'HR', 'Learner'], statuses: ['active'] },
        (p) => ['Admin', 'HR', 'Learner'].includes(p.role) && p.status === 'active',
      ],
      ['labels (any of)', { labels: ['a', 'c'] }, (p) => p.labels.some((l) => l === 'a' || l === 'c')],
      [
        'specialisms and languages',
        { specialisms: ['go'], languages: ['nl', 'de'] },
        (p) => p.specialisms.includes('go') && ['nl', 'de'].includes(p.language),
      ],
      ['countries', { countries: ['BE', 'FR'] }, (p) => ['BE', 'FR'].includes(p.country)],
      [
        'hire dates',
        { hiredAfter: '2016-01-01', hiredBefore: '2019-06-30' },
        (p) => p.hireDate >= new Date('2016-01-01') && p.hireDate < new Date('2019-06-30'),
      ],
      ['last active', { lastActiveAfter: '2025-01-10' }, (p) => p.lastActiveAt !== null && p.lastActiveAt >= new Date('2025-01-10')],
      ['never matches', { lastActiveBefore: '2000-01-01' }, () => false],
      ['free text, literally', { q: '  (SMITH).* ' }, (p) => p.search.includes('(smith).*')],
      ['free text in the e-mail', { q: 'U-01' }, (p) => p.search.includes('u-01')],
    ];

    it.each(cases)('%s: the pages cover every match exactly once, in id order, with the total', async (_name, filter, matches) => {
      const expected = tenantPeople
        .filter(matches)
        .map((p) => p.userId)
        .sort();
      const { ids, totals } = await allPages(tenant, filter, 6);
      expect(ids).toEqual(expected);
      expect(new Set(totals)).toEqual(new Set([expected.length]));
    });

    it("never shows another tenant's people", async () => {
      const { ids } = await allPages(other, { roles: ['Owner'] }, 2);
      expect(ids).toEqual(['u-000', 'u-001', 'u-002']);
      const mine = await search(tenant, { filter: { roles: ['Owner'] }, limit: 200 });
      expect(mine.items.every((p) => p.tenantId === tenant)).toBe(true);
      expect(mine.total).toBe(tenantPeople.filter((p) => p.role === 'Owner').length);
    });

    it.each([
      [{ filter: { roles: ['King'] } }, 'IDENTITY.INVALID_REQUEST', 'filter.roles.0'],
      [{ filter: { colour: 'red' } }, 'IDENTITY.INVALID_REQUEST', 'filter.colour'],
      [{ filter: { labels: [] } }, 'IDENTITY.INVALID_REQUEST', 'filter.labels'],
      [{ filter: { hiredAfter: '2020-13-45' } }, 'IDENTITY.INVALID_REQUEST', 'filter.hiredAfter'],
      [{ limit: 0 }, 'IDENTITY.INVALID_REQUEST', 'limit'],
      [{ cursor: Buffer.from(`${other}:u-001`).toString('base64url') }, 'IDENTITY.INVALID_REQUEST', 'cursor'],
    ])('answers 400 naming the field for %j', async (body, code, field) => {
      const res = await post(`/internal/tenants/${tenant}/people/search`, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code, message: expect.any(String), details: { field } });
    });

    it('answers 400 naming a bad tenant id', async () => {
      const res = await post('/internal/tenants/Not_A_Tenant/people/search', {});
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ details: { field: 'tenantId' } });
    });
  });

  describe('selection', () => {
    it('streams every match minus the exclusions, 1000 ids a line, then count and digest (same as the digest endpoint)', async () => {
      const excludeIds = ['u-0000', 'u-1500', 'u-2099', 'not-there'];
      const res = await post(`/internal/tenants/${big}/selection/stream`, { filter: {}, excludeIds });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as SelectionStreamLine);
      const ids = lines.flatMap((l) => ('ids' in l ? l.ids : []));
      expect(lines.map((l) => ('ids' in l ? l.ids.length : 'done'))).toEqual([1000, 1000, 97, 'done']);
      const expected = Array.from({ length: 2100 }, (_, i) => userId(i, 4)).filter((id) => !excludeIds.includes(id));
      expect([...ids].sort()).toEqual(expected);
      const digest = new DigestAccumulator();
      expected.forEach((id) => digest.add(id));
      expect(lines[lines.length - 1]).toEqual({ done: true, count: 2097, digest: digest.digest });
      const viaDigest = await post(`/internal/tenants/${big}/selection/digest`, { filter: {}, excludeIds });
      expect(await viaDigest.json()).toEqual({ count: 2097, digest: digest.digest });
    });

    it('selects what the directory shows for the same filter', async () => {
      const filter: PeopleFilter = { statuses: ['active', 'deactivated'], labels: ['b'] };
      const { ids } = await allPages(tenant, filter, 200);
      expect(ids.length).toBeGreaterThan(2);
      const res = await post(`/internal/tenants/${tenant}/selection/stream`, { filter, excludeIds: [ids[0]] });
      const lines = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as SelectionStreamLine);
      expect(lines.flatMap((l) => ('ids' in l ? l.ids : [])).sort()).toEqual(ids.slice(1));
      expect(lines[lines.length - 1]).toMatchObject({ done: true, count: ids.length - 1 });
    });

    it('a client that goes away mid-stream leaves the service serving', async () => {
      const abort = new AbortController();
      const res = await fetch(`${base}/internal/tenants/${big}/selection/stream`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ filter: {} }),
        signal: abort.signal,
      });
      const reader = res.body!.getReader();
      await reader.read();
      abort.abort();
      await reader.closed.catch(() => undefined);
      const again = await post(`/internal/tenants/${big}/selection/digest`, { filter: {} });
      expect(await again.json()).toMatchObject({ count: 2100 });
    });

    it('answers 400 before streaming for a filter that does not fit the contract', async () => {
      const res = await post(`/internal/tenants/${tenant}/selection/stream`, { filter: { groupIds: [] } });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'IDENTITY.INVALID_REQUEST', details: { field: 'filter.groupIds' } });
      const missing = await post(`/internal/tenants/${tenant}/selection/digest`, {});
      expect(await missing.json()).toMatchObject({ details: { field: 'filter' } });
    });
  });

  describe('decide (dry run)', () => {
    it('returns each outcome with before → after and writes nothing', async () => {
      const ids = ['u-001', 'u-002', 'u-003', 'u-005', 'nobody', 'u-099'];
      const before = await people()
        .find({ _id: { $in: ids.map((id) => `${tenant}:${id}`) } })
        .toArray();
      const res = await post(`/internal/tenants/${tenant}/decide`, { actorId: 'u-003', action: 'change-role', params: { role: 'HR' }, userIds: ids });
      expect(res.status).toBe(200);
      const { outcomes } = (await res.json()) as { outcomes: Outcome[] };
      const roleOf = (id: string) => tenantPeople.find((p) => p.userId === id)!.role;
      expect(outcomes).toEqual([
        { userId: 'u-001', status: 'succeeded', before: roleOf('u-001'), data: { after: 'HR' } },
        { userId: 'u-002', status: 'skipped', code: 'IDENTITY.UNCHANGED', message: 'role is already HR', before: 'HR' },
        { userId: 'u-003', status: 'skipped', code: 'IDENTITY.SELF', message: 'nobody can change their own role', before: roleOf('u-003') },
        { userId: 'u-005', status: 'succeeded', before: roleOf('u-005'), data: { after: 'HR' } },
        { userId: 'nobody', status: 'failed', code: 'IDENTITY.NOT_FOUND', message: 'person not found', retryable: false },
        { userId: 'u-099', status: 'failed', code: 'IDENTITY.NOT_FOUND', message: 'person not found', retryable: false },
      ]);
      const after = await people()
        .find({ _id: { $in: ids.map((id) => `${tenant}:${id}`) } })
        .toArray();
      expect(after).toEqual(before);
    });

    it.each([
      [{ action: 'enrol', params: {} }, 'IDENTITY.UNKNOWN_ACTION', 'action'],
      [{ action: 'change-role', params: { role: 'King' } }, 'IDENTITY.INVALID_PARAMS', 'params.role'],
      [{ action: 'change-language', params: {} }, 'IDENTITY.INVALID_PARAMS', 'params.language'],
    ])('answers 400 naming the field for %j', async (body, code, field) => {
      const res = await post(`/internal/tenants/${tenant}/decide`, { actorId: 'u-003', userIds: ['u-001'], ...body });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code, details: { field } });
    });
  });

  describe('change-role work over Kafka', () => {
    let producer: Producer;
    let recorder: TopicRecorder;
    const roles = uniqueTenant('roles');
    const race = uniqueTenant('race');
    const work = (t: string, jobId: string, userIds: string[], role = 'Admin'): WorkChunk => ({
      jobId,
      step: 0,
      chunk: 0,
      attempt: 1,
      tenantId: t,
      action: 'change-role',
      actorId: 'boss',
      params: { role },
      userIds,
    });
    const send = (key: string, value: WorkChunk) => producer.send({ topic: TOPICS.identityWork, messages: [{ key, value: JSON.stringify(value) }] });
    const doc = (t: string, id: string) => people().findOne({ _id: `${t}:${id}` });

    beforeAll(async () => {
      const owner = (t: string, i: number) => personDoc(t, i, { role: 'Owner', status: 'active' });
      await people().insertMany([
        owner(roles, 1),
        owner(roles, 2),
        personDoc(roles, 3, { userId: 'boss', role: 'Admin', status: 'active' }),
        personDoc(roles, 4, { role: 'Learner' }),
        owner(race, 1),
        owner(race, 2),
      ]);
      recorder = await new TopicRecorder([TOPICS.results]).start();
      producer = await plainProducer();
    });

    afterAll(async () => {
      await producer?.disconnect();
      await recorder?.stop();
    });

    it("demoting both of a tenant's two Owners in one chunk demotes one and keeps the other; the actor is skipped", async () => {
      const jobId = `job-${roles}`;
      await send(roles, work(roles, jobId, ['u-001', 'u-002', 'boss', 'u-004', 'ghost']));
      const [result] = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === jobId);
      expect(result.outcomes).toEqual([
        { userId: 'u-001', status: 'succeeded', before: 'Owner' },
        { userId: 'u-002', status: 'skipped', code: 'IDENTITY.LAST_OWNER', message: 'the last Owner of a tenant keeps the role' },
        { userId: 'boss', status: 'skipped', code: 'IDENTITY.SELF', message: 'nobody can change their own role' },
        { userId: 'u-004', status: 'succeeded', before: 'Learner' },
        { userId: 'ghost', status: 'failed', code: 'IDENTITY.NOT_FOUND', message: 'person not found', retryable: false },
      ]);
      expect(await doc(roles, 'u-001')).toMatchObject({ role: 'Admin', v: 2, ops: [{ k: `${jobId}:0`, b: 'Owner' }] });
      expect(await doc(roles, 'u-002')).toMatchObject({ role: 'Owner', v: 1 });
      expect(await tenants().findOne({ _id: roles })).toEqual({ _id: roles, owners: ['u-002'] });
    });

    it('a redelivered chunk writes nothing and reports the same outcomes with the stored before', async () => {
      const jobId = `job-${roles}`;
      await send(roles, work(roles, jobId, ['u-001', 'u-002', 'boss', 'u-004', 'ghost']));
      const results = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === jobId, 2);
      expect(results[1].outcomes).toEqual(results[0].outcomes);
      expect(await doc(roles, 'u-001')).toMatchObject({ role: 'Admin', v: 2 });
      expect(await doc(roles, 'u-004')).toMatchObject({ role: 'Admin', v: 2 });
      expect(await tenants().findOne({ _id: roles })).toEqual({ _id: roles, owners: ['u-002'] });
    });

    it('two chunks demoting the last two Owners at once leave exactly one Owner', async () => {
      await Promise.all([send(`${race}-a`, work(race, `job-a-${race}`, ['u-001'])), send(`${race}-b`, work(race, `job-b-${race}`, ['u-002']))]);
      const results = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId.endsWith(race), 2);
      const outcomes = results
        .flatMap((r) => r.outcomes)
        .map((o) => o.code ?? o.status)
        .sort();
      expect(outcomes).toEqual(['IDENTITY.LAST_OWNER', 'succeeded']);
      const owners = (await people().find({ tenantId: race, role: 'Owner' }).toArray()).map((p) => p.userId);
      expect(owners).toHaveLength(1);
      expect((await tenants().findOne({ _id: race }))?.owners).toEqual(owners);
    });
  });
});
