import request from 'supertest';
import { sign } from 'jsonwebtoken';
import { bearer, CALLER, GatewayUnderTest, startGateway, TEST_SECRET } from '../testing/gateway-test-app';

describe('bearer authentication', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());

  const rejected: [string, () => string | undefined, RegExp][] = [
    ['no Authorization header', () => undefined, /missing bearer token/],
    ['another scheme', () => `Basic ${Buffer.from('a:b').toString('base64')}`, /Bearer/],
    [
      'an expired token',
      () => `Bearer ${sign({ ...CALLER, exp: Math.floor(Date.now() / 1000) - 60 }, TEST_SECRET, { algorithm: 'HS256' })}`,
      /expired/,
    ],
    ['a token signed with another secret', () => bearer({}, 'some-other-secret'), /invalid token/],
    ['an unsigned token (alg none)', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...CALLER, exp: inAnHour() })}.`, /invalid token/],
    ['another algorithm (HS512)', () => `Bearer ${sign({ ...CALLER }, TEST_SECRET, { algorithm: 'HS512' })}`, /invalid token/],
    ['a token without tenant', () => `Bearer ${sign({ ...CALLER, tid: undefined }, TEST_SECRET, { algorithm: 'HS256' })}`, /tid/],
    ['a token with an unknown role', () => `Bearer ${sign({ ...CALLER, role: 'God' }, TEST_SECRET, { algorithm: 'HS256' })}`, /role/],
    ['garbage', () => 'Bearer not-a-jwt', /invalid token/],
  ];

  it.each(rejected)('answers 401 AUTH.UNAUTHENTICATED to %s', async (_case, header, message) => {
    const req = http().get('/v1/actions');
    const res = await (header() === undefined ? req : req.set('Authorization', header()!));
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'AUTH.UNAUTHENTICATED', message: expect.stringMatching(message), details: {} });
    expect(JSON.stringify(res.body)).not.toContain(header()?.slice(7) || '\u0000');
  });

  it('checks the token before anything reaches another service', async () => {
    await http()
      .post('/v1/batch-jobs')
      .send({ action: 'deactivate', params: {}, selection: { userIds: ['u-1'] } })
      .expect(401);
    expect(gw.orchestrator.received).toHaveLength(0);
  });

  it('accepts a valid HS256 token', async () => {
    await http().get('/v1/actions').set('Authorization', bearer()).expect(200);
  });

  // (/health is public too, but without a broker it takes the Kafka client's whole retry budget to answer)
  it('leaves /metrics and the docs public', async () => {
    await http().get('/metrics').expect(200);
    await http().get('/docs').expect(200).expect('content-type', /html/);
    await http().get('/docs-json').expect(200).expect('content-type', /json/);
  });

  describe("the caller's stored account", () => {
    beforeEach(() => gw.identity.reset());

    it.each(['deactivated', 'archived', 'pending-deletion'])('refuses a valid token of a %s person: 401 AUTH.ACCOUNT_INACTIVE', async (status) => {
      const res = await http()
        .post('/v1/batch-jobs/preview')
        .set('Authorization', bearer({}, TEST_SECRET, { status: status as 'deactivated' }))
        .send({ action: 'deactivate', params: {}, selection: { userIds: ['u-1'] } })
        .expect(401);
      expect(res.body).toEqual({ code: 'AUTH.ACCOUNT_INACTIVE', message: `this account is ${status}`, details: { status } });
      expect(gw.orchestrator.received).toHaveLength(0);
      expect(gw.accounts.lookups.at(-1)).toBe('acme/u-admin');
    });

    it('refuses a token whose person identity does not know: 401 AUTH.UNAUTHENTICATED', async () => {
      const token = bearer();
      gw.identity.reply('GET', '/internal/tenants/acme/people/u-admin', 404, {
        code: 'IDENTITY.NOT_FOUND',
        message: 'person not found',
        details: {},
      });
      const res = await http().get('/v1/actions').set('Authorization', token).expect(401);
      expect(res.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', message: 'this account does not exist' });
    });

    it('answers 503 when identity cannot say, never letting the caller in', async () => {
      const token = bearer();
      gw.identity.reply('GET', '/internal/tenants/acme/people/u-admin', 500, { code: 'BOOM', message: 'down' });
      const res = await http().get('/v1/actions').set('Authorization', token).expect(503);
      expect(res.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', details: { service: 'identity' } });
    });

    it('uses the stored role and permissions, not the token’s: a demoted Admin loses Admin rights at once', async () => {
      const demoted = bearer({ role: 'Admin' }, TEST_SECRET, { role: 'Learner', permissions: ['invitations'] });
      const actions = await http().get('/v1/actions').set('Authorization', demoted).expect(200);
      expect(actions.body.map((a: { id: string }) => a.id).sort()).toEqual(['cancel-invitation', 'invite-users', 'resend-invitation']);
      await http()
        .post('/v1/batch-jobs/preview')
        .set('Authorization', demoted)
        .send({ action: 'change-role', params: { role: 'HR' }, selection: { userIds: ['u-1'] } })
        .expect(403);
      const promoted = bearer({ role: 'Learner' }, TEST_SECRET, { role: 'Owner' });
      const all = await http().get('/v1/actions').set('Authorization', promoted).expect(200);
      expect(all.body.map((a: { id: string }) => a.id)).toContain('delete');
      expect(gw.orchestrator.received).toHaveLength(0);
    });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await http().get('/v1/nowhere').set('Authorization', bearer()).expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String), details: {} });
  });
});
