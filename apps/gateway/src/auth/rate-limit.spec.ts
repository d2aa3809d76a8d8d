import request from 'supertest';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';
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

  it('counts the public token links per client address', async () => {
    gw.identity.reply('POST', '/internal/password-resets/complete', 400, { code: 'IDENTITY.TOKEN_INVALID', message: 'invalid link', details: {} });
    for (let i = 0; i < 3; i++) await http().post(`/v1/password-resets/t-${i}`).send({ password: 'long enough password' }).expect(400);
    const res = await http().post('/v1/password-resets/t-4').send({ password: 'long enough password' }).expect(429);
    expect(res.body).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('does not count the probes', async () => {
    for (let i = 0; i < 5; i++) await http().get('/metrics').expect(200);
  });

  it('tracks a hash of the token, never the token itself', () => {
    const tracker = rateLimitTracker({ headers: { authorization: 'Bearer abc.def.ghi' }, ip: '10.0.0.1' });
    expect(tracker).toMatch(/^token:[0-9a-f]{32}$/);
    expect(tracker).not.toContain('abc');
    expect(rateLimitTracker({ headers: {}, ip: '10.0.0.1' })).toBe('ip:10.0.0.1');
  });
});
