import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import { jwtSecret, signToken } from '@cohort/auth';
import type { Role } from '@cohort/contracts';
import { eventually, uniqueTenant } from '@cohort/testing';
import { gatewayClient } from '../support/gateway-client';
import { CohortSystem, personDoc, startSystem } from '../support/system';

const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const hmac = (alg: 'sha256' | 'sha512', key: string | Buffer, data: string) => createHmac(alg, key).update(data).digest('base64url');

/** A JWT built by hand, so every part of it can be wrong on purpose. */
function jwt(header: object | string, payload: object | string, sign: (data: string) => string): string {
  const data = `${b64(header)}.${b64(payload)}`;
  return `${data}.${sign(data)}`;
}

/**
 * Bearer tokens at the public gateway, on the real system: every way a token can be wrong — expired, not
 * yet valid, wrong signature, tampered claims, another algorithm (none, HS512, RS256, and HS256 keyed with
 * an RSA public key: the HS/RS confusion), missing or unknown claims, a malformed header — is a 401 with the
 * stable code AUTH.UNAUTHENTICATED in `{code, message, details}`, and the answer never echoes the token.
 * And a person deactivated mid-session by a real deactivate job loses access within the account cache.
 */
describe('security: bearer tokens at the gateway', () => {
  const tenant = uniqueTenant('secjwt');
  const secret = jwtSecret();
  let system: CohortSystem;
  let base: string;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = { sub: 'admin', tid: tenant, role: 'Admin', email: `admin@${tenant}.test` };
  const hs256 = (payload: object | string, key: string | Buffer = secret) =>
    jwt({ alg: 'HS256', typ: 'JWT' }, payload, (d) => hmac('sha256', key, d));
  const tokenOf = (sub: string, role: Role) => signToken({ sub, tid: tenant, role, email: `${sub}@${tenant}.test` });

  const call = gatewayClient(() => base);

  beforeAll(async () => {
    // the default account cache (2 s): a deactivation reaches a live session within it
    system = await startSystem({ gateway: true, env: { GATEWAY_RATE_LIMIT: '100000', ORCH_PROGRESS_MS: '300' } });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    for (const service of ['learning', 'communications'] as const) await system.startParticipant(service);
    await system
      .db('identity')
      .collection('people')
      .insertMany([
        personDoc(tenant, 'owner', { role: 'Owner' }),
        personDoc(tenant, 'admin', { role: 'Admin' }),
        personDoc(tenant, 'leaver', { role: 'HR' }),
      ] as never[]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('a well-made token is let in (the baseline every refusal below differs from in one way)', async () => {
    expect((await call('GET', '/v1/actions', `Bearer ${hs256({ ...claims, exp: now() + 600 })}`)).status).toBe(200);
  });

  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const valid = { ...claims, exp: Math.floor(Date.now() / 1000) + 600 };
  const without = (key: string) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key));
  const cases: Array<[string, () => string | undefined, RegExp]> = [
    ['no Authorization header', () => undefined, /missing bearer token/],
    ['an empty Authorization header', () => '', /missing bearer token/],
    ['Basic credentials', () => `Basic ${b64('admin:secret')}`, /Bearer <token>/],
    ['"Bearer" and no token', () => 'Bearer', /Bearer <token>/],
    ['two tokens', () => `Bearer ${hs256(valid)} ${hs256(valid)}`, /Bearer <token>/],
    ['a token that is no JWT', () => 'Bearer not-a-jwt', /invalid token/],
    ['a JWT whose header is not JSON', () => `Bearer ${b64('{"alg":')}.${b64(valid)}.${hmac('sha256', secret, 'x')}`, /invalid token/],
    [
      'a JWT whose payload is not JSON',
      () => `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, '{"sub":', (d) => hmac('sha256', secret, d))}`,
      /invalid token/,
    ],
    ['an expired token', () => `Bearer ${hs256({ ...claims, iat: now() - 7200, exp: now() - 3600 })}`, /token expired/],
    ['a token not valid yet (nbf)', () => `Bearer ${hs256({ ...valid, nbf: now() + 3600 })}`, /not active yet/],
    ['a token signed with another secret', () => `Bearer ${hs256(valid, 'someone-elses-secret')}`, /invalid signature/],
    [
      'claims changed after signing (Admin → Owner)',
      () => {
        const [h, , s] = hs256(valid).split('.');
        return `Bearer ${h}.${b64({ ...valid, role: 'Owner' })}.${s}`;
      },
      /invalid signature/,
    ],
    ['alg none without a signature', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(valid)}.`, /invalid token/],
    ['alg none with a signature', () => `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, valid, (d) => hmac('sha256', secret, d))}`, /invalid/],
    [
      'HS512 with the right secret',
      () => `Bearer ${jwt({ alg: 'HS512', typ: 'JWT' }, valid, (d) => hmac('sha512', secret, d))}`,
      /invalid algorithm/,
    ],
    [
      'RS256 signed with a key pair of its own',
      () => `Bearer ${jwt({ alg: 'RS256', typ: 'JWT' }, valid, (d) => createSign('RSA-SHA256').update(d).sign(privateKey, 'base64url'))}`,
      /invalid algorithm/,
    ],
    ['HS256 keyed with an RSA public key (HS/RS confusion)', () => `Bearer ${hs256(valid, publicPem)}`, /invalid signature/],
    ['no sub', () => `Bearer ${hs256(without('sub'))}`, /"sub" is missing/],
    ['no tid', () => `Bearer ${hs256(without('tid'))}`, /"tid" is missing/],
    ['no role', () => `Bearer ${hs256(without('role'))}`, /"role" is missing/],
    ['an unknown role', () => `Bearer ${hs256({ ...valid, role: 'Superuser' })}`, /"role" is missing or unknown/],
    ['no email', () => `Bearer ${hs256(without('email'))}`, /"email" is missing/],
    ['a tenant that is not a string', () => `Bearer ${hs256({ ...valid, tid: { $ne: null } })}`, /"tid" is missing/],
    ['a payload that is a JSON string', () => `Bearer ${hs256('"admin"')}`, /invalid token/],
  ];

  it.each(cases)('%s → 401 AUTH.UNAUTHENTICATED saying why, without echoing the token', async (_case, header, why) => {
    const authorization = header();
    const res = await call('GET', '/v1/batch-jobs', authorization);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'AUTH.UNAUTHENTICATED', message: expect.stringMatching(why), details: {} });
    const token = authorization?.split(' ')[1];
    if (token && token.length > 8) for (const part of token.split('.').filter((p) => p.length > 8)) expect(res.text).not.toContain(part);
    // the same refusal on a command route: nothing runs
    const post = await call('POST', '/v1/batch-jobs', authorization, {
      action: 'change-language',
      params: { language: 'nl' },
      selection: { userIds: ['owner'] },
    });
    expect(post).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
  });

  it('a person deactivated mid-session by a deactivate job loses access at the gateway (401 AUTH.ACCOUNT_INACTIVE)', async () => {
    const session = `Bearer ${tokenOf('leaver', 'HR')}`;
    expect((await call('GET', '/v1/actions', session)).status).toBe(200);
    const admin = `Bearer ${tokenOf('admin', 'Admin')}`;
    const job = await call('POST', '/v1/batch-jobs', admin, { action: 'deactivate', params: {}, selection: { userIds: ['leaver'] } });
    expect(job.status).toBe(202);
    await eventually(
      async () => (await call('GET', `/v1/batch-jobs/${job.body.id}`, admin)).body.status === 'completed',
      60_000,
      'the deactivate job',
    );
    const refused = await eventually(
      async () => {
        const res = await call('GET', '/v1/actions', session);
        return res.status === 401 && res;
      },
      10_000,
      'the gateway to refuse the deactivated session',
    );
    expect(refused.body).toEqual({ code: 'AUTH.ACCOUNT_INACTIVE', message: 'this account is deactivated', details: { status: 'deactivated' } });
    // every route, reading or commanding
    for (const [method, path] of [
      ['GET', '/v1/people'],
      ['GET', `/v1/batch-jobs/${job.body.id}`],
      ['POST', '/v1/batch-jobs/preview'],
      ['GET', '/v1/me/notifications'],
    ]) {
      const res = await call(
        method,
        path,
        session,
        method === 'POST' ? { action: 'add-labels', params: { labels: ['x'] }, selection: { userIds: ['owner'] } } : undefined,
      );
      expect([path, res.status, res.body.code]).toEqual([path, 401, 'AUTH.ACCOUNT_INACTIVE']);
    }
  });
});
