import request from 'supertest';
import { json } from '../testing/fake-upstream';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

describe('people routes', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());
  const page = { items: [], nextCursor: null, total: 0 };
  const search = '/internal/tenants/acme/people/search';
  const managerScope = '/internal/tenants/acme/managers/u-boss/people';
  const manager = () => bearer({ sub: 'u-boss', role: 'Manager' });

  beforeAll(async () => {
    gw = await startGateway({ GATEWAY_PART_TIMEOUT_MS: '150' });
  });
  afterAll(() => gw?.close());
  beforeEach(() => {
    for (const fake of [gw.identity, gw.orchestrator, gw.membership, gw.learning, gw.communications]) fake.reset();
  });

  describe('GET /v1/people', () => {
    it("searches the caller's tenant with the filter from the query string", async () => {
      gw.identity.reply('POST', '/internal/tenants/acme/people/search', 200, { ...page, total: 7 });
      const res = await http()
        .get('/v1/people?roles=Admin,HR&statuses=active&statuses=invited&hiredAfter=2024-01-01&q=an&limit=10&cursor=c1')
        .set('Authorization', bearer({ tid: 'acme' }))
        .expect(200);
      expect(res.body).toEqual({ ...page, total: 7 });
      expect(gw.identity.last().body).toEqual({
        filter: { roles: ['Admin', 'HR'], statuses: ['active', 'invited'], hiredAfter: '2024-01-01', q: 'an' },
        cursor: 'c1',
        limit: 10,
      });
      expect(gw.membership.received).toHaveLength(0);
    });

    it('lets a Reporter and anyone who may run an action read the whole tenant', async () => {
      gw.identity.reply('POST', search, 200, page);
      for (const caller of [{ role: 'Reporter' as const }, { role: 'Learner' as const, perms: ['certificates'] }, { role: 'HR' as const }]) {
        await http().get('/v1/people').set('Authorization', bearer(caller)).expect(200);
        expect(gw.identity.last().body).not.toHaveProperty('scopeUserIds');
      }
      expect(gw.membership.received).toHaveLength(0);
    });

    it("limits a Manager to membership's scope of them: the people of their teams and those shared with them", async () => {
      gw.membership.reply('GET', managerScope, 200, { userIds: ['u-1', 'u-2'], truncated: false });
      gw.identity.reply('POST', search, 200, { ...page, total: 2 });
      await http()
        .get('/v1/people?roles=Learner')
        .set('Authorization', manager())
        .expect(200, { ...page, total: 2 });
      expect(gw.identity.last().body).toEqual({ filter: { roles: ['Learner'] }, limit: 50, scopeUserIds: ['u-1', 'u-2'] });
    });

    it('answers a Manager 503 when membership is down, never a wider directory', async () => {
      gw.membership.reply('GET', managerScope, 503, { code: 'X', message: 'down' });
      const res = await http().get('/v1/people').set('Authorization', manager()).expect(503);
      expect(res.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', details: { service: 'membership' } });
      expect(gw.identity.received).toHaveLength(0);
    });

    it('refuses Learners and Curators without permissions with 403 AUTH.FORBIDDEN, asking no one', async () => {
      for (const role of ['Learner', 'Curator'] as const) {
        const res = await http().get('/v1/people').set('Authorization', bearer({ role })).expect(403);
        expect(res.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      }
      expect(gw.identity.received).toHaveLength(0);
      expect(gw.membership.received).toHaveLength(0);
    });

    it('never takes a scope from the query string', async () => {
      const res = await http().get('/v1/people?scopeUserIds=u-1').set('Authorization', manager()).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'scopeUserIds' } });
      expect(gw.identity.received).toHaveLength(0);
    });

    it('answers 400 naming the query parameter, without calling identity', async () => {
      const res = await http().get('/v1/people?roles=Admin,Wizard').set('Authorization', bearer()).expect(400);
      expect(res.body).toMatchObject({ code: 'REQUEST.INVALID', details: { field: 'roles' } });
      expect(gw.identity.received).toHaveLength(0);
    });

    it('answers 502 UPSTREAM.UNAVAILABLE when identity fails, without its internals', async () => {
      gw.identity.reply('POST', search, 500, { code: 'BOOM', message: 'stack trace here' });
      const res = await http().get('/v1/people').set('Authorization', bearer()).expect(502);
      expect(res.body).toEqual({ code: 'UPSTREAM.UNAVAILABLE', message: expect.stringContaining('identity'), details: { service: 'identity' } });
      expect(JSON.stringify(res.body)).not.toContain('stack trace');
    });
  });

  describe('GET /v1/people/:id', () => {
    const person = {
      userId: 'u-7',
      tenantId: 'acme',
      email: 'x@acme.test',
      name: 'X',
      status: 'active',
      role: 'Learner',
      permissions: [],
      language: 'nl',
      labels: [],
      specialisms: [],
    };
    const memberships = { groups: [{ groupId: 'g-1', name: 'Sales', kind: 'team' }], sharedWith: ['u-boss'] };
    const learning = {
      enrolments: [{ courseId: 'c-1', status: 'in-progress', attempt: 1, enrolledAt: '2025-01-01T00:00:00.000Z' }],
      tasks: [],
      certificates: [{ certificateId: 'cert-1', title: 'Safety', verificationCode: 'V1', issuedAt: '2025-02-01T00:00:00.000Z' }],
      eventEnrolments: [],
      contentShares: [],
    };
    const inbox = { items: [{ id: 'n-1' }], nextCursor: 'c', unread: 4 };

    function everyServiceAnswers(userId = 'u-7') {
      gw.identity.reply('GET', `/internal/tenants/acme/people/${userId}`, 200, { ...person, userId });
      gw.membership.reply('GET', `/internal/tenants/acme/people/${userId}/memberships`, 200, memberships);
      gw.learning.reply('GET', `/internal/tenants/acme/people/${userId}/learning`, 200, learning);
      gw.communications.reply('GET', `/internal/tenants/acme/people/${userId}/notifications`, 200, inbox);
    }

    it('joins what every service knows of the person, read from each at once', async () => {
      everyServiceAnswers();
      const res = await http().get('/v1/people/u-7').set('Authorization', bearer()).expect(200);
      expect(res.body).toEqual({
        ...person,
        groups: memberships.groups,
        sharedWith: ['u-boss'],
        learning,
        notifications: { unread: 4 },
        unavailable: [],
      });
      expect(Object.fromEntries(gw.communications.last().query)).toEqual({ limit: '1' });
    });

    it('answers 200 with null parts and their services named when services are down or slow', async () => {
      gw.identity.reply('GET', '/internal/tenants/acme/people/u-7', 200, person);
      gw.membership.reply('GET', '/internal/tenants/acme/people/u-7/memberships', 500, { code: 'BOOM', message: 'x' });
      gw.learning.on('GET', '/internal/tenants/acme/people/u-7/learning', async (_req, res) => {
        await new Promise((r) => setTimeout(r, 600)); // past GATEWAY_PART_TIMEOUT_MS
        if (!res.destroyed) json(res, 200, learning);
      });
      gw.communications.reply('GET', '/internal/tenants/acme/people/u-7/notifications', 200, inbox);
      const started = Date.now();
      const res = await http().get('/v1/people/u-7').set('Authorization', bearer()).expect(200);
      expect(Date.now() - started).toBeLessThan(550);
      expect(res.body).toMatchObject({
        userId: 'u-7',
        groups: null,
        sharedWith: null,
        learning: null,
        notifications: { unread: 4 },
        unavailable: ['membership', 'learning'],
      });
    });

    it("passes identity's 404 on for an unknown person (or another tenant's), whatever the others say", async () => {
      everyServiceAnswers();
      const missing = { code: 'IDENTITY.NOT_FOUND', message: 'no person u-7 in this tenant', details: { field: 'userId' } };
      gw.identity.reply('GET', '/internal/tenants/beta/people/u-7', 404, missing);
      await http()
        .get('/v1/people/u-7')
        .set('Authorization', bearer({ tid: 'beta' }))
        .expect(404, missing);
    });

    it('lets a Manager read people in their scope, and answers 404 as for someone unknown outside it', async () => {
      everyServiceAnswers();
      gw.membership.reply('GET', managerScope, 200, { userIds: ['u-7'], truncated: false });
      await http().get('/v1/people/u-7').set('Authorization', manager()).expect(200);
      gw.identity.reset();
      const res = await http().get('/v1/people/u-8').set('Authorization', manager()).expect(404);
      expect(res.body).toEqual({ code: 'IDENTITY.NOT_FOUND', message: 'no person u-8 in this tenant', details: { field: 'userId' } });
      expect(gw.identity.received).toHaveLength(0);
    });

    it('lets anyone read their own profile, but a Learner no one else’s', async () => {
      everyServiceAnswers('u-me');
      await http()
        .get('/v1/people/u-me')
        .set('Authorization', bearer({ sub: 'u-me', role: 'Learner' }))
        .expect(200);
      const res = await http()
        .get('/v1/people/u-7')
        .set('Authorization', bearer({ sub: 'u-me', role: 'Learner' }))
        .expect(403);
      expect(res.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      expect(gw.membership.received.map((r) => r.path)).not.toContain('/internal/tenants/acme/managers/u-me/people');
    });

    it('answers 503 when identity itself is down: there is no profile without the person', async () => {
      gw.identity.reply('GET', '/internal/tenants/acme/people/u-7', 503, { code: 'X', message: 'down' });
      const res = await http().get('/v1/people/u-7').set('Authorization', bearer()).expect(503);
      expect(res.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', details: { service: 'identity' } });
    });
  });
});
