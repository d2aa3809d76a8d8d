import request from 'supertest';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

describe('people routes', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());
  const page = { items: [], nextCursor: null, total: 0 };

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());
  beforeEach(() => {
    gw.identity.reset();
    gw.orchestrator.reset();
  });

  it("searches the caller's tenant with the filter from the query string", async () => {
    gw.identity.reply('POST', '/internal/tenants/acme/people/search', 200, { ...page, total: 7 });
    const res = await http()
      .get('/v1/people?roles=Admin,HR&statuses=active&statuses=invited&hiredAfter=2024-01-01&q=an&limit=10&cursor=c1')
      .set('Authorization', bearer({ tid: 'acme' }))
      .expect(200);
    expect(res.body).toEqual({ ...page, total: 7 });
    expect(gw.identity.last().body).toEqual({
      filter: { roles: ['Admin', 'HR'], statuses: ['active', 'invited'], hiredAfter: '2024-01-01', q: 'an' },
      cursor: 'c1',
      limit: 10,
    });
  });

  it('answers 400 naming the query parameter, without calling identity', async () => {
    const res = await http().get('/v1/people?roles=Admin,Wizard').set('Authorization', bearer()).expect(400);
    expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'roles' } });
    expect(gw.identity.received).toHaveLength(0);
  });

  it("reads one person of the caller's tenant and passes identity's 404 on", async () => {
    const person = { userId: 'u-7', tenantId: 'beta', email: 'x@beta.test', name: 'X', status: 'active', role: 'Learner' };
    gw.identity.reply('GET', '/internal/tenants/beta/people/u-7', 200, person);
    await http()
      .get('/v1/people/u-7')
      .set('Authorization', bearer({ tid: 'beta' }))
      .expect(200, person);
    const res = await http()
      .get('/v1/people/u-7')
      .set('Authorization', bearer({ tid: 'acme' }))
      .expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String), details: {} });
    expect(gw.identity.last().path).toBe('/internal/tenants/acme/people/u-7');
  });

  it('passes identity errors through unchanged', async () => {
    const body = { code: 'IDENTITY.NOT_FOUND', message: 'person not found', details: { userId: 'u-9' } };
    gw.identity.reply('GET', '/internal/tenants/acme/people/u-9', 404, body);
    await http().get('/v1/people/u-9').set('Authorization', bearer()).expect(404, body);
  });

  it('answers 502 UPSTREAM.UNAVAILABLE when identity fails, without its internals', async () => {
    gw.identity.reply('POST', '/internal/tenants/acme/people/search', 500, { code: 'BOOM', message: 'stack trace here' });
    const res = await http().get('/v1/people').set('Authorization', bearer()).expect(502);
    expect(res.body).toEqual({ code: 'UPSTREAM.UNAVAILABLE', message: expect.stringContaining('identity'), details: { service: 'identity' } });
    expect(JSON.stringify(res.body)).not.toContain('stack trace');
  });
});
