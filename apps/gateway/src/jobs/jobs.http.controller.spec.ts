import request from 'supertest';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

describe('batch-job routes', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());
  const jobs = '/internal/tenants/acme/jobs';
  const body = { action: 'change-role', params: { role: 'HR' }, selection: { userIds: ['u-1', 'u-2'] } };
  const job = { id: 'j-1', tenantId: 'acme', status: 'running' };

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw?.close());
  beforeEach(() => gw.orchestrator.reset());

  describe('POST /v1/batch-jobs/preview', () => {
    it('previews with the tenant and actor of the token', async () => {
      gw.orchestrator.reply('POST', `${jobs}/preview`, 200, { snapshotId: 's-1', total: 2 });
      await http().post('/v1/batch-jobs/preview').set('Authorization', bearer()).send(body).expect(200, { snapshotId: 's-1', total: 2 });
      expect(gw.orchestrator.last()).toMatchObject({ path: `${jobs}/preview`, body: { ...body, actorId: 'u-admin' } });
    });

    it('answers 403 AUTH.FORBIDDEN when the role may not run the action', async () => {
      const res = await http()
        .post('/v1/batch-jobs/preview')
        .set('Authorization', bearer({ role: 'HR' }))
        .send(body)
        .expect(403);
      expect(res.body).toEqual({ code: 'AUTH.FORBIDDEN', message: expect.any(String), details: { action: 'change-role' } });
      await http()
        .post('/v1/batch-jobs/preview')
        .set('Authorization', bearer({ role: 'Admin' }))
        .send({ ...body, action: 'delete', params: {} })
        .expect(403);
      expect(gw.orchestrator.received).toHaveLength(0);
    });

    it.each([
      ['selection.userIds', { ...body, selection: { userIds: [] } }],
      ['selection', { ...body, selection: {} }],
      ['params.role', { ...body, params: { role: 'Wizard' } }],
      ['action', { ...body, action: 'launch-rockets' }],
      ['tenantId', { ...body, tenantId: 'other' }],
      ['actorId', { ...body, actorId: 'someone-else' }],
      ['options.toleratedFailurePercent', { ...body, options: { toleratedFailurePercent: 120 } }],
    ])('answers 400 naming %s', async (field, bad) => {
      const res = await http().post('/v1/batch-jobs/preview').set('Authorization', bearer()).send(bad).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field } });
      expect(gw.orchestrator.received).toHaveLength(0);
    });

    it('accepts an uploaded people file (selection.importId) for invite-users', async () => {
      gw.orchestrator.reply('POST', `${jobs}/preview`, 200, { snapshotId: 's-1', total: 2 });
      const invite = { action: 'invite-users', params: {}, selection: { importId: 'imp-1' } };
      await http().post('/v1/batch-jobs/preview').set('Authorization', bearer()).send(invite).expect(200);
      expect(gw.orchestrator.last().body).toEqual({ ...invite, actorId: 'u-admin' });
    });

    it('answers 400, not 500, to a body that is not JSON', async () => {
      const res = await http()
        .post('/v1/batch-jobs/preview')
        .set('Authorization', bearer())
        .set('Content-Type', 'application/json')
        .send('{"action":');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID' });
    });
  });

  describe('POST /v1/batch-jobs', () => {
    it('starts a job: 202 {id, status}, the Idempotency-Key as command id', async () => {
      gw.orchestrator.reply('POST', jobs, 202, { id: 'j-1', status: 'queued' });
      await http()
        .post('/v1/batch-jobs')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'k-1')
        .send({ ...body, snapshotId: 's-1' })
        .expect(202, { id: 'j-1', status: 'queued' });
      expect(gw.orchestrator.last().body).toEqual({ ...body, snapshotId: 's-1', actorId: 'u-admin', commandId: 'k-1' });
    });

    it('answers 200 with the same body when the orchestrator says duplicate', async () => {
      gw.orchestrator.reply('POST', jobs, 200, { id: 'j-1', status: 'running', duplicate: true });
      await http()
        .post('/v1/batch-jobs')
        .set('Authorization', bearer())
        .set('Idempotency-Key', 'k-1')
        .send(body)
        .expect(200, { id: 'j-1', status: 'running' });
    });

    it.each([
      ['empty', ''],
      ['too long', 'x'.repeat(129)],
    ])('answers 400 naming Idempotency-Key when it is %s', async (_case, key) => {
      const res = await http().post('/v1/batch-jobs').set('Authorization', bearer()).set('Idempotency-Key', key).send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'Idempotency-Key' } });
    });

    it('passes the orchestrator’s 409 through unchanged', async () => {
      const conflict = { code: 'SELECTION.CHANGED', message: 'the filter now matches other people', details: { field: 'snapshotId' } };
      gw.orchestrator.reply('POST', jobs, 409, conflict);
      await http()
        .post('/v1/batch-jobs')
        .set('Authorization', bearer())
        .send({ ...body, snapshotId: 's-old' })
        .expect(409, conflict);
    });
  });

  describe('names', () => {
    it('names the people of a results page, a preview sample and the jobs list from identity (one look-up each), and still answers without', async () => {
      gw.orchestrator.reply('GET', `${jobs}/j-1/items`, 200, {
        items: [
          { userId: 'u-1', status: 'succeeded', attempts: 1 },
          { userId: 'gone', status: 'failed', attempts: 1 },
        ],
        nextCursor: null,
      });
      gw.identity.reply('POST', '/internal/tenants/acme/people/lookup', 200, {
        people: [{ userId: 'u-1', name: 'Ana Çelik', email: 'ana@acme.test' }],
      });
      const named = await http().get('/v1/batch-jobs/j-1/items').set('Authorization', bearer()).expect(200);
      expect(named.body.items).toEqual([
        { userId: 'u-1', name: 'Ana Çelik', email: 'ana@acme.test', status: 'succeeded', attempts: 1 },
        { userId: 'gone', status: 'failed', attempts: 1 },
      ]);
      expect(gw.identity.last()).toMatchObject({ path: '/internal/tenants/acme/people/lookup', body: { userIds: ['u-1', 'gone'] } });

      gw.orchestrator.reply('POST', `${jobs}/preview`, 200, { snapshotId: 's-1', total: 1, sample: [{ userId: 'u-1', status: 'succeeded' }] });
      const preview = await http().post('/v1/batch-jobs/preview').set('Authorization', bearer()).send(body).expect(200);
      expect(preview.body.sample).toEqual([{ userId: 'u-1', name: 'Ana Çelik', email: 'ana@acme.test', status: 'succeeded' }]);

      gw.orchestrator.reply('GET', jobs, 200, {
        items: [
          { ...job, actorId: 'u-1' },
          { ...job, id: 'j-2', actorId: 'gone' },
        ],
        nextCursor: null,
      });
      const list = await http().get('/v1/batch-jobs').set('Authorization', bearer()).expect(200);
      expect(list.body.items.map((j: { actorName?: string }) => j.actorName)).toEqual(['Ana Çelik', undefined]);

      gw.identity.reply('POST', '/internal/tenants/acme/people/lookup', 503, { code: 'DOWN' });
      const plain = await http().get('/v1/batch-jobs/j-1/items').set('Authorization', bearer()).expect(200);
      expect(plain.body.items.map((i: { name?: string }) => i.name)).toEqual([undefined, undefined]);
    });
  });

  describe('reading jobs', () => {
    it("lists the tenant's jobs with status, cursor and limit", async () => {
      gw.orchestrator.reply('GET', jobs, 200, { items: [job], nextCursor: null });
      await http()
        .get('/v1/batch-jobs?status=running&cursor=c2&limit=5')
        .set('Authorization', bearer())
        .expect(200, { items: [job], nextCursor: null });
      expect(Object.fromEntries(gw.orchestrator.last().query)).toEqual({ status: 'running', cursor: 'c2', limit: '5' });
    });

    it('passes the audit query (actorId, action, createdAt range) to the orchestrator', async () => {
      gw.orchestrator.reply('GET', jobs, 200, { items: [job], nextCursor: null });
      const query = { actorId: 'u-7', action: 'change-role', from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00+01:00', limit: '20' };
      await http().get('/v1/batch-jobs').query(query).set('Authorization', bearer()).expect(200);
      expect(Object.fromEntries(gw.orchestrator.last().query)).toEqual(query);
    });

    it.each([
      ['/v1/batch-jobs?status=sleeping', 'status'],
      ['/v1/batch-jobs?limit=0', 'limit'],
      ['/v1/batch-jobs?from=yesterday', 'from'],
      ['/v1/batch-jobs?to=2025-01-01', 'to'],
      ['/v1/batch-jobs?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z', 'to'],
      ['/v1/batch-jobs?action=Change%20Role', 'action'],
      ['/v1/batch-jobs?actorId=', 'actorId'],
      ['/v1/batch-jobs/j-1/items?status=running&limit=x', 'limit'],
      ['/v1/batch-jobs/j-1/items?colour=blue', 'colour'],
    ])('answers 400 to %s naming %s', async (url, field) => {
      const res = await http().get(url).set('Authorization', bearer()).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field } });
    });

    it('reads one job and its items in the caller’s tenant; another tenant’s job is 404', async () => {
      gw.orchestrator.reply('GET', `${jobs}/j-1`, 200, job);
      gw.orchestrator.reply('GET', `${jobs}/j-1/items`, 200, { items: [], nextCursor: null });
      await http().get('/v1/batch-jobs/j-1').set('Authorization', bearer()).expect(200, job);
      await http().get('/v1/batch-jobs/j-1/items?status=failed').set('Authorization', bearer()).expect(200);
      expect(gw.orchestrator.last().query.get('status')).toBe('failed');
      await http()
        .get('/v1/batch-jobs/j-1')
        .set('Authorization', bearer({ tid: 'beta' }))
        .expect(404);
      expect(gw.orchestrator.last().path).toBe('/internal/tenants/beta/jobs/j-1');
    });
  });

  describe('cancel, retry, undo', () => {
    it.each([
      ['cancel', 200],
      ['retry', 200],
      ['undo', 202],
    ])('%s sends the caller as actor and answers as the orchestrator does (%d)', async (command, status) => {
      gw.orchestrator.reply('POST', `${jobs}/j-1/${command}`, status, { id: command === 'undo' ? 'j-2' : 'j-1', status: 'queued' });
      await http()
        .post(`/v1/batch-jobs/j-1/${command}`)
        .set('Authorization', bearer({ sub: 'u-owner' }))
        .expect(status);
      expect(gw.orchestrator.last().body).toEqual({ actorId: 'u-owner' });
    });

    it('passes a 409 through (e.g. undo of a job that is not reversible)', async () => {
      const conflict = { code: 'JOB.NOT_REVERSIBLE', message: 'this job cannot be undone', details: {} };
      gw.orchestrator.reply('POST', `${jobs}/j-1/undo`, 409, conflict);
      await http().post('/v1/batch-jobs/j-1/undo').set('Authorization', bearer()).expect(409, conflict);
    });
  });

  describe('undo with its preview', () => {
    it("previews the undo as the caller and names the sample's people", async () => {
      const preview = { snapshotId: 's-9', action: 'restore-groups', undoOf: 'j-1', total: 1, sample: [{ userId: 'u-1', status: 'succeeded' }] };
      gw.orchestrator.reply('POST', `${jobs}/j-1/undo/preview`, 200, preview);
      const res = await http()
        .post('/v1/batch-jobs/j-1/undo/preview')
        .set('Authorization', bearer({ sub: 'u-owner' }))
        .expect(200);
      expect(res.body).toMatchObject({ snapshotId: 's-9', undoOf: 'j-1', sample: [{ userId: 'u-1' }] });
      expect(gw.orchestrator.last()).toMatchObject({ path: `${jobs}/j-1/undo/preview`, body: { actorId: 'u-owner' } });
    });

    it('confirms with the snapshot and the typed count, the caller as actor', async () => {
      gw.orchestrator.reply('POST', `${jobs}/j-1/undo`, 202, { id: 's-9', status: 'queued' });
      await http()
        .post('/v1/batch-jobs/j-1/undo')
        .set('Authorization', bearer({ sub: 'u-owner' }))
        .send({ snapshotId: 's-9', approvalCount: 120 })
        .expect(202);
      expect(gw.orchestrator.last().body).toEqual({ snapshotId: 's-9', approvalCount: 120, actorId: 'u-owner' });
    });

    it.each([
      ['actorId', { actorId: 'someone-else' }],
      ['snapshotId', { snapshotId: '' }],
      ['approvalCount', { snapshotId: 's-9', approvalCount: -1 }],
    ])('answers 400 naming %s, and asks nobody', async (field, bad) => {
      const res = await http().post('/v1/batch-jobs/j-1/undo').set('Authorization', bearer()).send(bad).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field } });
      expect(gw.orchestrator.received).toHaveLength(0);
    });

    it('refuses a caller without a valid token (401), and passes the orchestrator’s 403 and 404 through', async () => {
      await http().post('/v1/batch-jobs/j-1/undo/preview').expect(401);
      await http().post('/v1/batch-jobs/j-1/undo/preview').set('Authorization', 'Bearer forged.token.value').expect(401);
      expect(gw.orchestrator.received).toHaveLength(0);
      const forbidden = { code: 'AUTH.FORBIDDEN', message: 'a Learner without the needed permission cannot run restore-groups', details: {} };
      gw.orchestrator.reply('POST', `${jobs}/j-1/undo/preview`, 403, forbidden);
      await http()
        .post('/v1/batch-jobs/j-1/undo/preview')
        .set('Authorization', bearer({ role: 'Learner' }))
        .expect(403, forbidden);
      const missing = { code: 'JOB.NOT_FOUND', message: 'no job j-2', details: {} };
      gw.orchestrator.reply('POST', `${jobs}/j-2/undo/preview`, 404, missing);
      await http().post('/v1/batch-jobs/j-2/undo/preview').set('Authorization', bearer()).expect(404, missing);
    });
  });
});
