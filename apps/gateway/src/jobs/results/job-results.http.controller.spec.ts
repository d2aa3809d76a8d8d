import { get as httpGet, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { bearer, GatewayUnderTest, startGateway } from '../../testing/gateway-test-app';

let gw: GatewayUnderTest;

describe('GET /v1/batch-jobs/:id/results.csv', () => {
  const http = () => request(gw.app.getHttpServer());
  const path = '/internal/tenants/acme/jobs/j-1/items.ndjson';

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());
  beforeEach(() => gw.orchestrator.reset());

  it('streams every outcome as CSV with a header line, neutralising formulas', async () => {
    const items = [
      { userId: 'ann', status: 'succeeded', step: 'change-role', attempts: 1, before: { role: 'Learner' } },
      { userId: 'dee', status: 'succeeded', step: 'update-properties', attempts: 1, data: { accessCode: 'K7QM2XW9PA' } },
      { userId: 'bob', status: 'skipped', code: 'IDENTITY.SELF', message: '=HYPERLINK("http://evil","click")', attempts: 1 },
      { userId: '@cem', status: 'failed', code: 'IDENTITY.NOT_FOUND', message: 'person not found, "really"', attempts: 3 },
    ];
    gw.orchestrator.on('GET', path, async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      // in pieces, a line split across writes, as a real stream arrives
      const text = items.map((i) => JSON.stringify(i)).join('\n') + '\n';
      for (const piece of [text.slice(0, 10), text.slice(10, 100), text.slice(100)]) {
        res.write(piece);
        await new Promise((r) => setTimeout(r, 5));
      }
      res.end();
    });
    const res = await http().get('/v1/batch-jobs/j-1/results.csv').set('Authorization', bearer()).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="job-j-1-results.csv"');
    expect(parse(res.text)).toEqual([
      ['userId', 'status', 'code', 'message', 'step', 'attempts', 'before', 'data'],
      ['ann', 'succeeded', '', '', 'change-role', '1', '{"role":"Learner"}', ''],
      ['dee', 'succeeded', '', '', 'update-properties', '1', '', '{"accessCode":"K7QM2XW9PA"}'],
      ['bob', 'skipped', 'IDENTITY.SELF', `'=HYPERLINK("http://evil","click")`, '', '1', '', ''],
      ["'@cem", 'failed', 'IDENTITY.NOT_FOUND', 'person not found, "really"', '', '3', '', ''],
    ]);
    expect(gw.orchestrator.last().path).toBe(path);
  });

  it('answers a job without people with the header line only', async () => {
    gw.orchestrator.on('GET', path, (_req, res) => void res.writeHead(200).end());
    const res = await http().get('/v1/batch-jobs/j-1/results.csv').set('Authorization', bearer()).expect(200);
    expect(res.text).toBe('userId,status,code,message,step,attempts,before,data\n');
  });

  it('streams: the first records reach the client before the orchestrator has sent the rest', async () => {
    let release!: () => void;
    const rest = new Promise<void>((r) => (release = r));
    gw.orchestrator.on('GET', path, async (_req, res) => {
      res.writeHead(200);
      res.write(`${JSON.stringify({ userId: 'first', status: 'succeeded', attempts: 1 })}\n`);
      await rest;
      res.end(`${JSON.stringify({ userId: 'last', status: 'succeeded', attempts: 1 })}\n`);
    });
    const res = await get('/v1/batch-jobs/j-1/results.csv');
    let received = '';
    try {
      await new Promise<void>((resolve) => res.on('data', (chunk: Buffer) => (received += chunk.toString()).includes('first') && resolve()));
      expect(received).not.toContain('last');
    } finally {
      release();
    }
    await new Promise((resolve) => res.on('end', resolve));
    expect(received).toContain('last');
  });

  it('cuts the download (no clean end) when the orchestrator sends a broken line', async () => {
    gw.orchestrator.on('GET', path, (_req, res) => void res.writeHead(200).end('{"userId":"ann","status":"succeeded"}\n{broken\n'));
    const res = await get('/v1/batch-jobs/j-1/results.csv');
    const outcome = await new Promise<string>((resolve) => {
      res.on('aborted', () => resolve('aborted'));
      res.on('error', () => resolve('aborted'));
      res.on('end', () => resolve('complete'));
      res.resume();
    });
    expect(outcome).toBe('aborted');
  });

  it("passes the orchestrator's 404 through as JSON (another tenant's job)", async () => {
    const res = await http().get('/v1/batch-jobs/j-1/results.csv').set('Authorization', bearer()).expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND' });
  });
});

function get(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const { port } = gw.app.getHttpServer().address() as AddressInfo;
    httpGet({ host: '127.0.0.1', port, path, headers: { authorization: bearer() } }, resolve).on('error', reject);
  });
}
