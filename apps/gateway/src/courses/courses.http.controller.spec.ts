import request from 'supertest';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

describe('GET /v1/courses', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());
  const courses = { items: [{ courseId: 'c-1', title: 'Safety', kind: 'course' }] };

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());
  beforeEach(() => gw.learning.reset());

  it("lists the caller's tenant's courses as learning has them", async () => {
    gw.learning.reply('GET', '/internal/tenants/beta/courses', 200, courses);
    await http()
      .get('/v1/courses')
      .set('Authorization', bearer({ tid: 'beta', role: 'Reporter' }))
      .expect(200, courses);
  });

  it('answers 503 UPSTREAM.UNAVAILABLE when learning is down', async () => {
    gw.learning.reply('GET', '/internal/tenants/acme/courses', 503, { code: 'X', message: 'down' });
    const res = await http().get('/v1/courses').set('Authorization', bearer()).expect(503);
    expect(res.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', details: { service: 'learning' } });
  });

  it('refuses a Learner with 403 AUTH.FORBIDDEN and needs a token', async () => {
    const res = await http()
      .get('/v1/courses')
      .set('Authorization', bearer({ role: 'Learner' }))
      .expect(403);
    expect(res.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await http().get('/v1/courses').expect(401);
    expect(gw.learning.received).toHaveLength(0);
  });
});
