import { get as httpGet, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import type { CohortClaims } from '@cohort/auth';
import { json } from '../../testing/fake-upstream';
import { bearer, GatewayUnderTest, startGateway } from '../../testing/gateway-test-app';
import { JobEventsHub, JobScopedEvent } from './job-events.hub';

let gw: GatewayUnderTest;
let hub: JobEventsHub;
const counts = { pending: 1, running: 0, succeeded: 1, skipped: 0, failed: 0, cancelled: 0 };
const job = (status: string) => ({ id: 'j-1', tenantId: 'acme', status, counts, total: 2 });
const at = '2025-01-01T00:00:00Z';
const progress = (eventId: string, tenantId = 'acme'): JobScopedEvent => ({
  type: 'progress',
  eventId,
  at,
  jobId: 'j-1',
  tenantId,
  counts,
  total: 2,
  ratePerSecond: 1,
  etaSeconds: 1,
});
const completed: JobScopedEvent = { type: 'completed', eventId: 'e-done', at, jobId: 'j-1', tenantId: 'acme', counts, total: 2, finishedAt: at };

/** An SSE client: collects raw text, parses frames, tells when the server ended the stream. */
class SseClient {
  text = '';
  ended: Promise<void>;
  constructor(readonly res: IncomingMessage) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (this.text += chunk));
    this.ended = new Promise((resolve) => res.on('end', resolve));
  }
  get events(): { event?: string; id?: string; data?: unknown }[] {
    return this.text
      .split('\n\n')
      .filter((frame) => frame.startsWith('id:') || frame.startsWith('event:'))
      .map((frame) => Object.fromEntries(frame.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)])))
      .map(({ event, id, data }) => ({ event, id, data: JSON.parse(data) }));
  }
  async waitFor(check: (c: SseClient) => boolean): Promise<void> {
    for (let i = 0; i < 200 && !check(this); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check(this)).toBe(true);
  }
}

function connect(claims: Partial<CohortClaims> = {}, headers: Record<string, string> = {}): Promise<SseClient> {
  const { port } = gw.app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const headersOut = { authorization: bearer(claims), accept: 'text/event-stream', ...headers };
    httpGet({ host: '127.0.0.1', port, path: '/v1/batch-jobs/j-1/events', headers: headersOut }, (res) => resolve(new SseClient(res))).on(
      'error',
      reject,
    );
  });
}

describe('GET /v1/batch-jobs/:id/events', () => {
  beforeAll(async () => {
    gw = await startGateway({ GATEWAY_SSE_HEARTBEAT_MS: '100' });
    hub = gw.app.get(JobEventsHub);
  });
  afterAll(() => gw?.close());
  beforeEach(() => gw.orchestrator.reset());

  it('sends the snapshot, then the job’s events as they come, and ends after completed', async () => {
    gw.orchestrator.on('GET', '/internal/tenants/acme/jobs/j-1', (_req, res) => {
      hub.publish(progress('e-early')); // while the snapshot is being read: must not be lost
      json(res, 200, job('running'));
    });
    const client = await connect();
    expect(client.res.statusCode).toBe(200);
    expect(client.res.headers['content-type']).toMatch(/^text\/event-stream/);
    await client.waitFor((c) => c.events.length === 2);
    hub.publish(progress('e-other-tenant', 'beta'));
    hub.publish({ ...progress('e-other-job'), jobId: 'j-2' });
    hub.publish(progress('e-live'));
    hub.publish(completed);
    hub.publish(progress('e-after-the-end'));
    await client.ended;
    expect(client.events).toEqual([
      { event: 'snapshot', id: 'snapshot-j-1', data: job('running') },
      { event: 'progress', id: 'e-early', data: progress('e-early') },
      { event: 'progress', id: 'e-live', data: progress('e-live') },
      { event: 'completed', id: 'e-done', data: completed },
    ]);
    expect(hub.listenerCount).toBe(0);
  });

  it('keeps the connection alive with heartbeat comments', async () => {
    gw.orchestrator.reply('GET', '/internal/tenants/acme/jobs/j-1', 200, job('running'));
    const client = await connect();
    await client.waitFor((c) => c.text.includes(': heartbeat\n\n'));
    client.res.destroy();
  });

  it('ends right after the snapshot when the job had already finished, and tells a reconnect to stop', async () => {
    gw.orchestrator.reply('GET', '/internal/tenants/acme/jobs/j-1', 200, job('completed'));
    const client = await connect();
    await client.ended;
    expect(client.events).toEqual([{ event: 'snapshot', id: 'snapshot-j-1', data: job('completed') }]);
    const again = await connect({}, { 'last-event-id': 'e-done' });
    expect(again.res.statusCode).toBe(204);
  });

  it('stops listening when the client goes away', async () => {
    gw.orchestrator.reply('GET', '/internal/tenants/acme/jobs/j-1', 200, job('running'));
    const client = await connect();
    await client.waitFor((c) => c.events.length === 1);
    expect(hub.listenerCount).toBe(1);
    client.res.destroy();
    for (let i = 0; i < 100 && hub.listenerCount > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(hub.listenerCount).toBe(0);
  });

  it("answers another tenant's job with the orchestrator's JSON 404, not a stream", async () => {
    const res = await request(gw.app.getHttpServer())
      .get('/v1/batch-jobs/j-1/events')
      .set('Authorization', bearer({ tid: 'beta' }))
      .expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(gw.orchestrator.last().path).toBe('/internal/tenants/beta/jobs/j-1');
    expect(hub.listenerCount).toBe(0);
  });
});
