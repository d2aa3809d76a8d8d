import { get as httpGet, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { binaryBody } from '../testing/binary-body';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

let gw: GatewayUnderTest;

describe('GET /v1/batch-jobs/:id/artifact', () => {
  const http = () => request(gw.app.getHttpServer());
  const jobPath = '/internal/tenants/acme/jobs/j-1';
  const artifactPath = '/internal/tenants/acme/jobs/j-1/artifact';
  const job = (fields: object = {}) => ({ id: 'j-1', tenantId: 'acme', action: 'download-certificates', status: 'completed', ...fields });
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 8, 7, 6, 5]);

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());
  beforeEach(() => {
    gw.orchestrator.reset();
    gw.learning.reset();
  });

  it("streams the owning service's file as an attachment named after action and job", async () => {
    gw.orchestrator.reply('GET', jobPath, 200, job());
    gw.learning.on('GET', artifactPath, (_req, res) => void res.writeHead(200, { 'content-type': 'application/zip' }).end(zip));
    const res = await http().get('/v1/batch-jobs/j-1/artifact').set('Authorization', bearer()).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="download-certificates-j-1.zip"');
    expect(Buffer.compare(res.body as Buffer, zip)).toBe(0);
    expect(gw.learning.last().path).toBe(artifactPath);
  });

  it('streams: the first bytes reach the client before the service has sent the rest', async () => {
    gw.orchestrator.reply('GET', jobPath, 200, job());
    let release!: () => void;
    const rest = new Promise<void>((r) => (release = r));
    gw.learning.on('GET', artifactPath, async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/zip' });
      res.write('first-part');
      await rest;
      res.end('last-part');
    });
    const res = await get('/v1/batch-jobs/j-1/artifact');
    let received = '';
    try {
      await new Promise<void>((resolve) => res.on('data', (chunk: Buffer) => (received += chunk.toString()).includes('first-part') && resolve()));
      expect(received).not.toContain('last-part');
    } finally {
      release();
    }
    await new Promise((resolve) => res.on('end', resolve));
    expect(received).toBe('first-partlast-part');
  });

  it('cuts the download (no clean end) when the service breaks off half-way', async () => {
    gw.orchestrator.reply('GET', jobPath, 200, job());
    gw.learning.on('GET', artifactPath, async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': '1000' });
      res.write(zip);
      await new Promise((r) => setTimeout(r, 20));
      res.destroy();
    });
    const res = await get('/v1/batch-jobs/j-1/artifact');
    const outcome = await new Promise<string>((resolve) => {
      res.on('aborted', () => resolve('aborted'));
      res.on('error', () => resolve('aborted'));
      res.on('end', () => resolve('complete'));
      res.resume();
    });
    expect(outcome).toBe('aborted');
  });

  it('is 404 JOBS.NO_ARTIFACT for an action without a file, or when the service has none', async () => {
    gw.orchestrator.reply('GET', jobPath, 200, job({ action: 'change-role' }));
    const none = await http().get('/v1/batch-jobs/j-1/artifact').set('Authorization', bearer()).expect(404);
    expect(none.body).toMatchObject({ code: 'JOBS.NO_ARTIFACT', details: { jobId: 'j-1' } });
    gw.orchestrator.reply('GET', jobPath, 200, job());
    gw.learning.reply('GET', artifactPath, 404, { code: 'LEARNING.NOT_FOUND', message: 'no file', details: {} });
    const gone = await http().get('/v1/batch-jobs/j-1/artifact').set('Authorization', bearer()).expect(404);
    expect(gone.body).toMatchObject({ code: 'JOBS.NO_ARTIFACT' });
  });

  it('is 409 JOBS.NOT_FINISHED while the job runs, without asking the service', async () => {
    gw.orchestrator.reply('GET', jobPath, 200, job({ status: 'running' }));
    const res = await http().get('/v1/batch-jobs/j-1/artifact').set('Authorization', bearer()).expect(409);
    expect(res.body).toMatchObject({ code: 'JOBS.NOT_FINISHED', details: { status: 'running' } });
    expect(gw.learning.received).toHaveLength(0);
  });

  it('is 403 for a caller who may not run the action, and passes the orchestrator’s 404 (another tenant’s job) on', async () => {
    gw.orchestrator.reply('GET', jobPath, 200, job());
    const res = await http()
      .get('/v1/batch-jobs/j-1/artifact')
      .set('Authorization', bearer({ role: 'Reporter' }))
      .expect(403);
    expect(res.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    const missing = await http()
      .get('/v1/batch-jobs/j-1/artifact')
      .set('Authorization', bearer({ tid: 'beta' }))
      .expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
    expect(gw.orchestrator.last().path).toBe('/internal/tenants/beta/jobs/j-1');
    expect(gw.learning.received).toHaveLength(0);
  });

  it('answers 503 when the owning service is down', async () => {
    gw.orchestrator.reply('GET', jobPath, 200, job());
    gw.learning.reply('GET', artifactPath, 503, { code: 'X', message: 'down' });
    const res = await http().get('/v1/batch-jobs/j-1/artifact').set('Authorization', bearer()).expect(503);
    expect(res.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', details: { service: 'learning' } });
  });
});

function get(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const { port } = gw.app.getHttpServer().address() as AddressInfo;
    httpGet({ host: '127.0.0.1', port, path, headers: { authorization: bearer() } }, resolve).on('error', reject);
  });
}
