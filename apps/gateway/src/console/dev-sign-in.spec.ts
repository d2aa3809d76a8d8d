import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { verifyToken } from '@cohort/auth';
import { ACCOUNTS, bearer, GatewayUnderTest, startGateway, TEST_SECRET } from '../testing/gateway-test-app';

/** (one gateway per file: the service config is read once, when the module is first imported) */
describe('development sign-in (CONSOLE_DEV_SIGNIN=1), console not built', () => {
  let gw: GatewayUnderTest;
  const empty = mkdtempSync(join(tmpdir(), 'cohort-console-empty-'));
  const http = () => request(gw.app.getHttpServer());

  beforeAll(async () => {
    gw = await startGateway({ CONSOLE_DIR: empty, CONSOLE_DEV_SIGNIN: '1', CONSOLE_DEV_TENANT: 'acme' });
  });
  afterAll(async () => {
    await gw?.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('lists a few active people of each role of the tenant', async () => {
    const person = (userId: string, role: string) => ({
      userId,
      tenantId: 'acme',
      email: `${userId}@acme.test`,
      name: userId,
      status: 'active',
      role,
      permissions: [],
    });
    gw.identity.on('POST', '/internal/tenants/acme/people/search', (req, res) => {
      const role = (req.body as { filter: { roles: string[] } }).filter.roles[0];
      const items = role === 'Owner' ? [person('olga', 'Owner')] : role === 'Learner' ? [person('ana', 'Learner'), person('bo', 'Learner')] : [];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items, nextCursor: null, total: items.length }));
    });
    expect((await http().get('/console/config.json').expect(200)).body).toEqual({ devSignIn: true, devTenant: 'acme' });
    const res = await http().get('/console/dev/people').expect(200);
    expect(res.body).toEqual({
      tenantId: 'acme',
      people: [
        { userId: 'olga', name: 'olga', email: 'olga@acme.test', role: 'Owner' },
        { userId: 'ana', name: 'ana', email: 'ana@acme.test', role: 'Learner' },
        { userId: 'bo', name: 'bo', email: 'bo@acme.test', role: 'Learner' },
      ],
    });
    const searches = gw.identity.received.filter((r) => r.path.endsWith('/people/search'));
    expect(searches).toHaveLength(7);
    expect(searches[0].body).toMatchObject({ filter: { roles: ['Owner'], statuses: ['active'] }, limit: 8 });
    const bad = await http().get('/console/dev/people?tenant=Not%20A%20Tenant').expect(400);
    expect(bad.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'tenant' } });
  });

  it('mints a token with the stored role and permissions, which the API accepts', async () => {
    ACCOUNTS.store({ sub: 'hr-1', tid: 'acme', role: 'HR', email: 'hr@acme.test', perms: ['tasks'] });
    const res = await http().post('/console/dev/token').send({ tenantId: 'acme', userId: 'hr-1' }).expect(200);
    expect(verifyToken(res.body.token, TEST_SECRET)).toEqual({ sub: 'hr-1', tid: 'acme', role: 'HR', email: 'hr@acme.test', perms: ['tasks'] });
    const actions = await http().get('/v1/actions').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    expect(actions.body.map((a: { id: string }) => a.id)).toContain('add-task');
  });

  it('refuses an inactive person and a bad body, naming the field', async () => {
    ACCOUNTS.store({ sub: 'gone', tid: 'acme', role: 'Admin', email: 'gone@acme.test' }, { status: 'deactivated' });
    const inactive = await http().post('/console/dev/token').send({ tenantId: 'acme', userId: 'gone' }).expect(400);
    expect(inactive.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'userId' } });
    const bad = await http().post('/console/dev/token').send({ tenantId: 'acme' }).expect(400);
    expect(bad.body).toMatchObject({ details: { field: 'userId' } });
  });

  it('answers the pages 503 saying how to build the console, and the API still works', async () => {
    const res = await http().get('/people').expect(503);
    expect(res.text).toContain('npm run build:console');
    await http().get('/v1/actions').set('Authorization', bearer()).expect(200);
  });
});
