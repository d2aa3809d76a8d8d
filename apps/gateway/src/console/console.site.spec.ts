import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

const PAGE = '<!doctype html><title>Cohort console</title><div id="root"></div>';

function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("hi")');
  return dir;
}

describe('the console at / (built, development sign-in off)', () => {
  let gw: GatewayUnderTest;
  const dir = builtConsole();
  const http = () => request(gw.app.getHttpServer());

  beforeAll(async () => {
    gw = await startGateway({ CONSOLE_DIR: dir, CONSOLE_DEV_SIGNIN: '' });
  });
  afterAll(async () => {
    await gw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/people', '/jobs/j-1', '/actions/change-role', '/console/'])('answers the page %s with index.html, no token needed', async (path) => {
    const res = await http().get(path).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(PAGE);
  });

  it('serves the hashed bundles for a year, and a missing one is a 404, not the page', async () => {
    const js = await http().get('/assets/index-abc123.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toMatch(/max-age=31536000, immutable/);
    const missing = await http().get('/assets/index-gone.js').expect(404);
    expect(missing.text).not.toContain('Cohort console');
  });

  it('never shadows the API, the docs or the metrics', async () => {
    const anonymous = await http().get('/v1/actions').expect(401);
    expect(anonymous.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    const unknown = await http().get('/v1/no-such-route').set('Authorization', bearer()).expect(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND' });
    const docs = await http().get('/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).not.toContain('Cohort console');
  });

  it('says development sign-in is off, and its routes do not exist', async () => {
    const config = await http().get('/console/config.json').expect(200);
    expect(config.body).toEqual({ devSignIn: false, devTenant: 'demo' });
    const token = await http().post('/console/dev/token').send({ tenantId: 'acme', userId: 'u-1' }).expect(404);
    expect(token.body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('CONSOLE_DEV_SIGNIN') });
    await http().get('/console/dev/people?tenant=acme').expect(404);
    expect(gw.identity.received).toEqual([]);
  });
});
