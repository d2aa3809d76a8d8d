import request from 'supertest';
import { bearer, GatewayUnderTest, startGateway, TEST_SECRET } from '../testing/gateway-test-app';
import { rateLimitTracker } from './rate-limit';

describe('rate limiting', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());

  beforeAll(async () => {
    gw = await startGateway({ GATEWAY_RATE_LIMIT: '3', GATEWAY_RATE_WINDOW_MS: '60000' });
  });
  afterAll(() => gw?.close());

  it('answers 429 RATE_LIMITED past the limit, per token across routes', async () => {
    const token = bearer({ sub: 'u-busy' });
    await http().get('/v1/actions').set('Authorization', token).expect(200);
    await http().get('/v1/actions').set('Authorization', token).expect(200);
    await http().get('/v1/batch-jobs/j-1').set('Authorization', token).expect(404); // the fake orchestrator's
    const res = await http().get('/v1/actions').set('Authorization', token).expect(429);
    expect(res.body).toEqual({ code: 'RATE_LIMITED', message: expect.any(String), details: {} });
    expect(res.headers['retry-after']).toBeDefined();
    await http()
      .get('/v1/actions')
      .set('Authorization', bearer({ sub: 'u-calm' }))
      .expect(200);
  });

  it('does not count the probes', async () => {
    for (let i = 0; i < 5; i++) await http().get('/metrics').expect(200);
  });

  it('meters everything without a valid token per client address: forged or expired tokens and the token links share one budget', async () => {
    gw.identity.reply('POST', '/internal/password-resets/complete', 400, { code: 'IDENTITY.TOKEN_INVALID', message: 'invalid link', details: {} });
    const forged = (i: number) =>
      http()
        .get('/v1/actions')
        .set('Authorization', bearer({ sub: `u-guess-${i}` }, 'another-secret'));
    await forged(1).expect(401);
    await forged(2).expect(401);
    await http().post('/v1/password-resets/t-1').send({ password: 'long enough password' }).expect(400);
    const refused = await forged(3).expect(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    await http().post('/v1/password-resets/t-2').send({ password: 'long enough password' }).expect(429);
    // a caller with a valid token has a budget of their own
    await http()
      .get('/v1/actions')
      .set('Authorization', bearer({ sub: 'u-honest' }))
      .expect(200);
  });

  it('tracks a hash of a valid token, never the token itself; anything else by address', () => {
    const token = bearer({ sub: 'u-hash' }).slice('Bearer '.length);
    const tracker = rateLimitTracker({ headers: { authorization: `Bearer ${token}` }, ip: '10.0.0.1' }, TEST_SECRET);
    expect(tracker).toMatch(/^token:[0-9a-f]{32}$/);
    expect(tracker).not.toContain(token.slice(0, 10));
    expect(rateLimitTracker({ headers: { authorization: 'Bearer abc.def.ghi' }, ip: '10.0.0.1' }, TEST_SECRET)).toBe('ip:10.0.0.1');
    expect(rateLimitTracker({ headers: { authorization: `Bearer ${token}` }, ip: '10.0.0.1' }, 'another-secret')).toBe('ip:10.0.0.1');
    expect(rateLimitTracker({ headers: {}, ip: '10.0.0.1' }, TEST_SECRET)).toBe('ip:10.0.0.1');
  });
});
