import request from 'supertest';
import { json } from '../testing/fake-upstream';
import { bearer, GatewayUnderTest, startGateway } from '../testing/gateway-test-app';

describe('GET /v1/groups', () => {
  let gw: GatewayUnderTest;
  const http = () => request(gw.app.getHttpServer());
  const groupsPath = '/internal/tenants/acme/groups';
  const coursesPath = '/internal/tenants/acme/courses';
  const group = { groupId: 'g-1', name: 'Sales', kind: 'team', autoEnrolCourseIds: ['c-1', 'c-2'], managerUserIds: ['u-boss'] };
  const courses = {
    items: [
      { courseId: 'c-1', title: 'Safety', kind: 'course' },
      { courseId: 'c-2', title: 'Onboarding', kind: 'learning-path', courseIds: ['c-1'] },
    ],
  };

  beforeAll(async () => {
    gw = await startGateway({ GATEWAY_PART_TIMEOUT_MS: '150' });
  });
  afterAll(() => gw?.close());
  beforeEach(() => {
    gw.membership.reset();
    gw.learning.reset();
    gw.membership.reply('GET', groupsPath, 200, { items: [group] });
  });

  it("lists the tenant's groups with their auto-enrolment courses titled by learning", async () => {
    gw.learning.reply('GET', coursesPath, 200, courses);
    const res = await http().get('/v1/groups').set('Authorization', bearer()).expect(200);
    expect(res.body).toEqual({
      items: [
        {
          ...group,
          autoEnrolCourses: [
            { courseId: 'c-1', title: 'Safety' },
            { courseId: 'c-2', title: 'Onboarding' },
          ],
        },
      ],
      unavailable: [],
    });
  });

  it('still answers, with course ids only, when learning is down or slow', async () => {
    const expected = { items: [{ ...group, autoEnrolCourses: [{ courseId: 'c-1' }, { courseId: 'c-2' }] }], unavailable: ['learning'] };
    gw.learning.reply('GET', coursesPath, 503, { code: 'X', message: 'down' });
    await http().get('/v1/groups').set('Authorization', bearer()).expect(200, expected);
    gw.learning.on('GET', coursesPath, async (_req, res) => {
      await new Promise((r) => setTimeout(r, 600));
      if (!res.destroyed) json(res, 200, courses);
    });
    await http().get('/v1/groups').set('Authorization', bearer()).expect(200, expected);
  });

  it('answers 503 when membership is down', async () => {
    gw.membership.reply('GET', groupsPath, 503, { code: 'X', message: 'down' });
    gw.learning.reply('GET', coursesPath, 200, courses);
    const res = await http().get('/v1/groups').set('Authorization', bearer()).expect(503);
    expect(res.body).toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', details: { service: 'membership' } });
  });

  it('is for action runners, Reporters and Managers; a Learner gets 403 AUTH.FORBIDDEN', async () => {
    gw.learning.reply('GET', coursesPath, 200, courses);
    for (const role of ['Reporter', 'Manager', 'HR'] as const) await http().get('/v1/groups').set('Authorization', bearer({ role })).expect(200);
    gw.membership.reset();
    const res = await http()
      .get('/v1/groups')
      .set('Authorization', bearer({ role: 'Learner' }))
      .expect(403);
    expect(res.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(gw.membership.received).toHaveLength(0);
  });
});
