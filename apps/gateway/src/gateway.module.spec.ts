import { get as httpGet, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { JobEventsConsumer } from './jobs/events/job-events.consumer';
import { bearer, GatewayUnderTest, startGateway } from './testing/gateway-test-app';

describe('the gateway process', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGateway(); // Kafka points at a closed port
  });
  afterAll(() => gw?.close());

  it('starts and serves without a broker; the events consumer keeps retrying in the background', async () => {
    expect(gw.app.get(JobEventsConsumer).running).toBe(false);
    await request(gw.app.getHttpServer()).get('/v1/actions').set('Authorization', bearer()).expect(200);
  });

  it('answers a body over the size limit with a JSON 413', async () => {
    const huge = { action: 'deactivate', params: { note: 'x'.repeat(5 << 20) }, selection: { userIds: ['u-1'] } };
    const res = await request(gw.app.getHttpServer()).post('/v1/batch-jobs/preview').set('Authorization', bearer()).send(huge).expect(413);
    expect(res.body).toEqual({ code: 'REQUEST.TOO_LARGE', message: expect.any(String), details: {} });
  });

  it('ends open event streams when it shuts down, so it can stop', async () => {
    gw.orchestrator.reply('GET', '/internal/tenants/acme/jobs/j-1', 200, { id: 'j-1', status: 'running' });
    const { port } = gw.app.getHttpServer().address() as AddressInfo;
    const res = await new Promise<IncomingMessage>((resolve) =>
      httpGet({ host: '127.0.0.1', port, path: '/v1/batch-jobs/j-1/events', headers: { authorization: bearer() } }, resolve),
    );
    res.resume();
    const ended = new Promise((resolve) => res.on('end', resolve));
    const started = Date.now();
    await gw.close();
    await ended;
    expect(Date.now() - started).toBeLessThan(5000);
    gw = undefined as unknown as GatewayUnderTest;
  });
});
