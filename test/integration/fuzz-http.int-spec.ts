import { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import { signToken } from '@cohort/auth';
import { ACTION_IDS } from '@cohort/contracts';
import { uniqueTenant } from '@cohort/testing';
import { CohortSystem, personDoc, startSystem } from '../support/system';

const RUNS = 1000;

/** Every route of the public API but the SSE stream (long-lived by design), with its method. */
const ROUTES: [method: string, path: string][] = [
  ['GET', '/v1/people'],
  ['GET', '/v1/people/:id'],
  ['GET', '/v1/actions'],
  ['GET', '/v1/groups'],
  ['GET', '/v1/courses'],
  ['POST', '/v1/batch-jobs/preview'],
  ['POST', '/v1/batch-jobs'],
  ['GET', '/v1/batch-jobs'],
  ['GET', '/v1/batch-jobs/:id'],
  ['GET', '/v1/batch-jobs/:id/items'],
  ['GET', '/v1/batch-jobs/:id/results.csv'],
  ['GET', '/v1/batch-jobs/:id/artifact'],
  ['POST', '/v1/batch-jobs/:id/cancel'],
  ['POST', '/v1/batch-jobs/:id/retry'],
  ['POST', '/v1/batch-jobs/:id/undo'],
  ['GET', '/v1/certificates/:id/pdf'],
  ['POST', '/v1/imports'],
  ['GET', '/v1/me/notifications'],
  ['POST', '/v1/me/notifications/:id/read'],
  ['POST', '/v1/invitations/:id/accept'],
  ['POST', '/v1/password-resets/:id'],
];
const QUERY_KEYS = [
  'cursor',
  'limit',
  'status',
  'q',
  'roles',
  'groupIds',
  'courseId',
  'completion',
  'purpose',
  'actorId',
  'from',
  'to',
  'userId',
  'x',
];

interface Case {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string;
}

/**
 * Property-based fuzzing of the public HTTP API on the real system (gateway, identity, orchestrator,
 * membership, learning, communications; Kafka and the store): 1,000 generated requests — every route,
 * odd methods, hostile path ids and query strings, arbitrary and near-valid JSON bodies, broken JSON,
 * wrong content types, missing, forged and expired tokens. Each must be answered below 500, and every
 * error as `{code, message, details}`; afterwards the system still runs a real job.
 */
describe('fuzz: the HTTP API answers every generated request with a clear 4xx or a success, never a 5xx', () => {
  const tenant = uniqueTenant('fuzz');
  let system: CohortSystem;
  const participants: INestApplication[] = [];
  let base: string;
  const admin = signToken({ sub: 'admin', tid: tenant, role: 'Admin', email: `admin@${tenant}.test` });
  const learner = signToken({ sub: 'learner', tid: tenant, role: 'Learner', email: `learner@${tenant}.test` });
  const expired = signToken({ sub: 'admin', tid: tenant, role: 'Admin', email: `admin@${tenant}.test` }, undefined, -60);
  const forged = signToken({ sub: 'admin', tid: tenant, role: 'Owner', email: `admin@${tenant}.test` }, 'not-the-secret');

  beforeAll(async () => {
    system = await startSystem({ gateway: true, env: { GATEWAY_RATE_LIMIT: '1000000', GATEWAY_AUTH_CACHE_MS: '60000' } });
    for (const service of ['membership', 'learning', 'communications'] as const) participants.push(await system.startParticipant(service));
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    await system
      .db('identity')
      .collection('people')
      .insertMany([
        personDoc(tenant, 'owner', { role: 'Owner' }),
        personDoc(tenant, 'admin', { role: 'Admin' }),
        personDoc(tenant, 'learner', { role: 'Learner' }),
        ...Array.from({ length: 5 }, (_, i) => personDoc(tenant, `p${i}`)),
      ] as never[]);
  });

  afterAll(async () => {
    for (const app of participants) await app.close();
    await system?.stop();
  });

  const hostileString = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '../../etc/passwd',
      '%2e%2e%2f',
      '$where',
      '{"$gt":""}',
      'null',
      '-1',
      '0',
      '1e309',
      '🙂',
      '\u0000',
      ' ',
      'a'.repeat(3000),
      'p0',
      'admin',
    ),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  const selection = fc.oneof(
    fc.record({ userIds: fc.array(fc.oneof(hostileString, fc.constantFrom('p0', 'p1', 'owner', 'admin')), { maxLength: 6 }) }),
    fc.record({ filter: fc.dictionary(fc.constantFrom('roles', 'statuses', 'q', 'languages', 'groupIds', 'x'), fc.jsonValue({ maxDepth: 2 })) }),
    fc.record({ importId: hostileString }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const nearValidCommand = fc.record(
    {
      action: fc.oneof(fc.constantFrom(...ACTION_IDS), hostileString),
      params: fc.oneof(
        fc.dictionary(fc.constantFrom('language', 'role', 'groupIds', 'courseIds', 'labels', 'title', 'x'), fc.jsonValue({ maxDepth: 2 })),
        fc.jsonValue({ maxDepth: 1 }),
      ),
      selection,
      options: fc.dictionary(fc.constantFrom('chunkSize', 'dryRun', 'approvalCount', 'toleratedFailurePercent', 'x'), fc.jsonValue({ maxDepth: 1 })),
      snapshotId: hostileString,
    },
    { requiredKeys: ['action'] },
  );
  const body = fc.oneof(
    nearValidCommand.map((b) => JSON.stringify(b)),
    fc.jsonValue({ maxDepth: 3 }).map((b) => JSON.stringify(b)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{', '{"action":', 'null', '[]', '"x"', 'email\nnot-an-email\n', 'PK\u0003\u0004garbage', '{"__proto__":{"admin":true}}'),
  );
  const request: fc.Arbitrary<Case> = fc
    .record({
      route: fc.constantFrom(...ROUTES),
      // mostly the route's own method, now and then another one
      otherMethod: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 7 },
        { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), weight: 1 },
      ),
      id: hostileString,
      query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 })), hostileString), { maxLength: 4 }),
      auth: fc.constantFrom('admin', 'admin', 'admin', 'learner', 'none', 'garbage', 'expired', 'forged'),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'text/csv',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'none',
      ),
      body: fc.option(body, { freq: 5 }),
    })
    .map(({ route, otherMethod, id, query, auth, contentType, body }) => {
      const tokens: Record<string, string | undefined> = { admin, learner, expired, forged, garbage: 'not.a.token', none: undefined };
      const token = tokens[auth];
      const method = otherMethod ?? route[0];
      return {
        method,
        path: route[1].replace(':id', encodeURIComponent(id) || 'x'),
        query,
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(contentType !== 'none' && { 'content-type': contentType }),
        },
        body: method === 'GET' ? undefined : (body ?? undefined),
      };
    });

  it(`answers ${RUNS} generated requests below 500, each error as {code, message, details}`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (c) => {
        const qs = new URLSearchParams(c.query).toString();
        const res = await fetch(`${base}${c.path}${qs ? `?${qs}` : ''}`, {
          method: c.method,
          headers: c.headers,
          body: c.body,
          signal: AbortSignal.timeout(15_000),
        });
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) throw new Error(`${c.method} ${c.path} → ${res.status}: ${text.slice(0, 300)}`);
        if (res.status >= 400) {
          const error = JSON.parse(text) as { code?: unknown; message?: unknown; details?: unknown };
          if (typeof error.code !== 'string' || typeof error.message !== 'string' || typeof error.details !== 'object')
            throw new Error(`${c.method} ${c.path} → ${res.status} without {code, message, details}: ${text.slice(0, 300)}`);
        }
      }),
      { numRuns: RUNS, endOnFailure: true, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    const answered = [...statuses.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(
      `\n[fuzz-http] ${answered} requests, by status: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}\n`,
    );
    expect(answered).toBeGreaterThanOrEqual(RUNS);
    // the fuzz reached past authentication and validation too, not only 401s
    expect([...statuses.keys()].some((s) => s >= 200 && s < 300)).toBe(true);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(401) ?? 0).toBeGreaterThan(0);
  });

  it('still runs a real job afterwards', async () => {
    const res = await fetch(`${base}/v1/batch-jobs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'change-language', params: { language: 'fr' }, selection: { userIds: ['p3'] } }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    for (let i = 0; i < 100; i++) {
      const view = (await (await fetch(`${base}/v1/batch-jobs/${id}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
        status: string;
      };
      if (view.status === 'completed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(
      (
        await system
          .db('identity')
          .collection('people')
          .findOne({ _id: `${tenant}:p3` } as never)
      )?.language,
    ).toBe('fr');
  });
});
