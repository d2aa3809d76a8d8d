import { randomBytes } from 'node:crypto';
import { signToken } from '@cohort/auth';
import { uniqueTenant } from '@cohort/testing';
import { CohortSystem, personDoc, startSystem } from '../support/system';

const LIMIT = 10;
const WINDOW_MS = 8000;

/**
 * The gateway's rate limit on the real system (GATEWAY_RATE_LIMIT requests per GATEWAY_RATE_WINDOW_MS): a
 * burst past the limit gets 429 with Retry-After and a `{code, message, details}` body, while another
 * caller of the same tenant and a caller of another tenant go on unhindered; requests whose token does not
 * verify are metered per client address, so guessing tokens is limited too; after Retry-After the caller
 * is let in again.
 */
describe('security: rate limiting at the gateway', () => {
  const tenantA = uniqueTenant('secrla');
  const tenantB = uniqueTenant('secrlb');
  let system: CohortSystem;
  let base: string;
  const bearer = (tid: string, sub: string) => `Bearer ${signToken({ sub, tid, role: 'Admin', email: `${sub}@${tid}.test` })}`;

  async function get(path: string, authorization: string): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> }> {
    const res = await fetch(`${base}${path}`, { headers: { authorization } });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
  }
  const burst = (n: number, authorization: (i: number) => string) =>
    Promise.all(Array.from({ length: n }, (_, i) => get('/v1/actions', authorization(i))));

  beforeAll(async () => {
    system = await startSystem({ gateway: true, env: { GATEWAY_RATE_LIMIT: String(LIMIT), GATEWAY_RATE_WINDOW_MS: String(WINDOW_MS) } });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    await system
      .db('identity')
      .collection('people')
      .insertMany([
        personDoc(tenantA, 'busy', { role: 'Admin' }),
        personDoc(tenantA, 'calm', { role: 'Admin' }),
        personDoc(tenantB, 'busy', { role: 'Admin' }),
      ] as never[]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('a burst past the limit gets 429 with Retry-After and {code, message, details}; other callers and tenants are unaffected; then it passes again', async () => {
    const busy = bearer(tenantA, 'busy');
    const answers = await burst(LIMIT + 5, () => busy);
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(LIMIT);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.body).toEqual({ code: 'RATE_LIMITED', message: expect.stringContaining('Retry-After'), details: {} });
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(WINDOW_MS / 1000);
    }
    // the same user id in another tenant, and another user of the same tenant, each have their own budget
    expect((await burst(LIMIT, () => bearer(tenantB, 'busy'))).map((a) => a.status)).toEqual(Array(LIMIT).fill(200));
    expect((await get('/v1/actions', bearer(tenantA, 'calm'))).status).toBe(200);
    expect((await get('/v1/actions', busy)).status).toBe(429);

    await new Promise((resolve) => setTimeout(resolve, Number(refused[0].retryAfter) * 1000 + 500));
    expect((await get('/v1/actions', busy)).status).toBe(200);
  });

  it('guessing tokens is metered per client address: a fresh forged token per request still hits 429, an honest caller does not', async () => {
    const forged = (i: number) =>
      `Bearer ${signToken({ sub: `guess-${i}`, tid: tenantA, role: 'Owner', email: 'x@x.test' }, randomBytes(16).toString('hex'))}`;
    const answers = await burst(LIMIT + 5, forged);
    expect(answers.filter((a) => a.status === 401)).toHaveLength(LIMIT);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5);
    expect((await get('/v1/actions', bearer(tenantA, 'calm'))).status).toBe(200);
  });
});
