import request from 'supertest';
import { FakeUpstream } from '../testing/fake-upstream';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

describe('my notifications routes', () => {
  let gw: GatewayUnderTest;
  const communications = new FakeUpstream();
  const http = () => request(gw.app.getHttpServer());
  const note = {
    id: 'acme:job-1:u-ann',
    subject: 'Hi',
    body: 'Read this',
    createdAt: '2025-05-01T10:00:00.000Z',
    deliveredAt: '2025-05-01T10:00:00.000Z',
    readAt: null,
  };

  beforeAll(async () => {
    gw = await startGateway({ COMMUNICATIONS_URL: await communications.start() });
  });
  afterAll(async () => {
    await gw?.close();
    await communications.stop();
  });
  beforeEach(() => communications.reset());

  it("reads the caller's own inbox: tenant and person from the token, paging from the query", async () => {
    const page = { items: [note], nextCursor: 'c2', unread: 1 };
    communications.reply('GET', '/internal/tenants/acme/people/u-ann/notifications', 200, page);
    const res = await http()
      .get('/v1/me/notifications?cursor=c1&limit=5')
      .set('Authorization', bearer({ sub: 'u-ann', role: 'Learner' }))
      .expect(200);
    expect(res.body).toEqual(page);
    expect(Object.fromEntries(communications.last().query)).toEqual({ cursor: 'c1', limit: '5' });
  });

  it('answers 400 naming the query parameter, without calling communications', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=500', 'limit'],
      ['userId=u-other', 'userId'],
    ]) {
      const res = await http().get(`/v1/me/notifications?${query}`).set('Authorization', bearer()).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field } });
    }
    expect(communications.received).toHaveLength(0);
  });

  it('marks one of the caller’s notifications read and passes a 404 on', async () => {
    const read = { ...note, readAt: '2025-05-02T08:00:00.000Z' };
    communications.reply('POST', '/internal/tenants/acme/people/u-ann/notifications/acme%3Ajob-1%3Au-ann/read', 200, read);
    await http()
      .post(`/v1/me/notifications/${encodeURIComponent(note.id)}/read`)
      .set('Authorization', bearer({ sub: 'u-ann', role: 'Learner' }))
      .expect(200, read);
    const missing = { code: 'COMMUNICATIONS.NOT_FOUND', message: 'notification not found', details: { id: 'nope' } };
    communications.reply('POST', '/internal/tenants/acme/people/u-bob/notifications/nope/read', 404, missing);
    await http()
      .post('/v1/me/notifications/nope/read')
      .set('Authorization', bearer({ sub: 'u-bob' }))
      .expect(404, missing);
  });

  it('needs a bearer token', async () => {
    await http().get('/v1/me/notifications').expect(401);
    expect(communications.received).toHaveLength(0);
  });

  it('is in the OpenAPI document, with its query and answers', async () => {
    const doc = (await http().get('/docs-json').expect(200)).body;
    const list = doc.paths['/v1/me/notifications'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['cursor', 'limit']));
    expect(list.responses['200'].content['application/json'].schema.properties).toMatchObject({ unread: expect.any(Object) });
    expect(doc.paths['/v1/me/notifications/{id}/read'].post.security).toEqual([{ bearer: [] }]);
  });
  it('answers 503 UPSTREAM.UNAVAILABLE when communications is down (last: stops the fake)', async () => {
    await communications.stop();
    const res = await http().get('/v1/me/notifications').set('Authorization', bearer()).expect(503);
    expect(res.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', details: { service: 'communications' } });
  });
});
