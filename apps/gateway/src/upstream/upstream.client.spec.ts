import { createServer } from 'node:net';
import request from 'supertest';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('when another service is down or slow', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());

  beforeAll(async () => {
    // the orchestrator is unreachable; identity is up but may hang
    gw = await startGateway({ ORCHESTRATOR_URL: `http://127.0.0.1:${await closedPort()}`, GATEWAY_UPSTREAM_TIMEOUT_MS: '300' });
  });
  afterAll(() => gw?.close());

  it('answers 503 UPSTREAM.UNAVAILABLE when the orchestrator is unreachable', async () => {
    const res = await http().get('/v1/batch-jobs/j-1').set('Authorization', bearer()).expect(503);
    expect(res.body).toEqual({ code: 'UPSTREAM.UNAVAILABLE', message: 'orchestrator is unreachable', details: { service: 'orchestrator' } });
  });

  it('answers 503 for streams too, before any CSV is sent', async () => {
    const res = await http().get('/v1/batch-jobs/j-1/results.csv').set('Authorization', bearer()).expect(503);
    expect(res.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE' });
  });

  it('answers 503 when a service does not answer in time', async () => {
    gw.identity.on('GET', '/internal/tenants/acme/people/u-1', () => undefined); // never answers
    const res = await http().get('/v1/people/u-1').set('Authorization', bearer()).expect(503);
    expect(res.body).toEqual({ code: 'UPSTREAM.UNAVAILABLE', message: 'identity did not answer in 300 ms', details: { service: 'identity' } });
  });

  it('keeps 503 when the service itself says 503', async () => {
    gw.identity.reply('POST', '/internal/tenants/acme/people/search', 503, { code: 'DB.DOWN', message: 'no database' });
    await http().get('/v1/people').set('Authorization', bearer()).expect(503);
  });

  it('sends a read once more when the connection drops before an answer (a keep-alive connection closed as it was reused)', async () => {
    let calls = 0;
    gw.identity.on('GET', '/internal/tenants/acme/people/u-3', (_req, res) => {
      if (++calls === 1) return void res.socket?.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ userId: 'u-3', tenantId: 'acme' }));
    });
    const res = await http().get('/v1/people/u-3').set('Authorization', bearer()).expect(200);
    expect(res.body).toMatchObject({ userId: 'u-3' });
    expect(calls).toBe(2);

    let searches = 0;
    gw.identity.on('POST', '/internal/tenants/acme/people/search', (_req, res) => {
      if (++searches === 1) return void res.socket?.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: [], total: 0 }));
    });
    await http().get('/v1/people').set('Authorization', bearer()).expect(200);
    expect(searches).toBe(2);
  });

  it('sends a write only once: a dropped connection is 503, never a second mark-read', async () => {
    let calls = 0;
    gw.communications.on('POST', '/internal/tenants/acme/people/u-ann/notifications/n-1/read', (_req, res) => {
      calls++;
      res.socket?.destroy();
    });
    const res = await http()
      .post('/v1/me/notifications/n-1/read')
      .set('Authorization', bearer({ sub: 'u-ann', role: 'Learner' }))
      .expect(503);
    expect(res.body).toEqual({ code: 'UPSTREAM.UNAVAILABLE', message: 'communications is unreachable', details: { service: 'communications' } });
    expect(calls).toBe(1);
  });

  it('answers 503 when a dropped connection drops again', async () => {
    let calls = 0;
    gw.identity.on('GET', '/internal/tenants/acme/people/u-4', (_req, res) => {
      calls++;
      res.socket?.destroy();
    });
    const res = await http().get('/v1/people/u-4').set('Authorization', bearer()).expect(503);
    expect(res.body).toEqual({ code: 'UPSTREAM.UNAVAILABLE', message: 'identity is unreachable', details: { service: 'identity' } });
    expect(calls).toBe(2);
  });

  it('answers 502 to an unreadable answer', async () => {
    gw.identity.on(
      'GET',
      '/internal/tenants/acme/people/u-2',
      (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{not json'),
    );
    const res = await http().get('/v1/people/u-2').set('Authorization', bearer()).expect(502);
    expect(res.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', details: { service: 'identity' } });
  });
});
