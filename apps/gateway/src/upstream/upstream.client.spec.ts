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
