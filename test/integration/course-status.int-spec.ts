import { signToken } from '@cohort/auth';
import { COURSE_STATUSES, CourseStatus } from '@cohort/contracts';
import { eventually, uniqueTenant } from '@cohort/testing';
import { gatewayClient } from '../support/gateway-client';
import { CohortSystem, personDoc, startSystem } from '../support/system';

/**
 * The compliance filters (issue 19, seed 001: remind everyone who has not passed a course): where each person
 * stands in a course, as learning's jobs leave it, copied to identity through PersonFacts on the real broker and
 * read back from the gateway's people directory. Undecided (awaiting assessment) counts as in progress, a
 * withdrawn participant who passed keeps having passed, and "not passed" includes those who failed and those
 * never enrolled.
 */
describe('people directory: where people stand in a course', () => {
  const tenant = uniqueTenant('coursestatus');
  let system: CohortSystem;
  let base: string;
  const call = gatewayClient(() => base);
  const admin = `Bearer ${signToken({ sub: 'admin', tid: tenant, role: 'Admin', email: `admin@${tenant}.test` })}`;

  async function job(action: string, userIds: string[], params: Record<string, unknown>) {
    const res = await call('POST', '/v1/batch-jobs', admin, { action, params, selection: { userIds } });
    expect(res.status).toBe(202);
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${res.body.id}`, admin)).body.status === 'completed', 60_000, action);
  }

  async function who(courseStatus: CourseStatus): Promise<string[]> {
    const res = await call('GET', `/v1/people?courseId=c-1&courseStatus=${courseStatus}&limit=100`, admin);
    expect(res.status).toBe(200);
    return (res.body.items as { userId: string }[]).map((p) => p.userId).sort();
  }

  beforeAll(async () => {
    system = await startSystem({ gateway: true, env: { GATEWAY_RATE_LIMIT: '100000' } });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    await system.startParticipant('learning');
    await system.startParticipant('communications');
    await system
      .db('identity')
      .collection('people')
      .insertMany([
        personDoc(tenant, 'admin', { role: 'Admin' }),
        ...['ana', 'bob', 'cy', 'dee', 'fay'].map((id) => personDoc(tenant, id)),
      ] as never[]);
    await system
      .db('learning')
      .collection('courses')
      .insertOne({ _id: `${tenant}:c-1`, tenantId: tenant, courseId: 'c-1', title: 'Safety at work', kind: 'course' } as never);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('passed, failed, in progress (undecided too), not started, not enrolled and not passed, after enrol, results and a withdraw', async () => {
    await job('enrol', ['ana', 'bob', 'cy', 'dee'], { courseIds: ['c-1'] });
    await job('set-participation-status', ['ana'], { courseId: 'c-1', status: 'passed' });
    await job('set-participation-status', ['bob'], { courseId: 'c-1', status: 'failed' });
    await job('set-participation-status', ['cy'], { courseId: 'c-1', status: 'undecided' });
    await job('withdraw', ['ana'], { courseIds: ['c-1'] }); // she passed: access ends, the result stays

    const expected: Record<CourseStatus, string[]> = {
      passed: ['ana'],
      failed: ['bob'],
      'in-progress': ['cy'],
      'not-started': ['dee'],
      'not-enrolled': ['admin', 'ana', 'fay'],
      'not-passed': ['admin', 'bob', 'cy', 'dee', 'fay'],
    };
    // identity applies learning's facts as they arrive from the broker
    await eventually(async () => (await who('in-progress')).join() === 'cy' && (await who('not-enrolled')).includes('ana'), 30_000, 'the facts');
    const seen: Record<string, string[]> = {};
    for (const s of COURSE_STATUSES) seen[s] = await who(s); // one search at a time
    expect(seen).toEqual(expected);
    // the older completion parameter means passed / not passed
    const completed = await call('GET', `/v1/people?courseId=c-1&completion=completed`, admin);
    expect((completed.body.items as { userId: string }[]).map((p) => p.userId)).toEqual(['ana']);
  });

  it('courseStatus without a course is a 400 naming the field, and a deadline can be set while awaiting assessment', async () => {
    const bad = await call('GET', '/v1/people?courseStatus=passed', admin);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('courseStatus');
    const deadline = await call('POST', '/v1/batch-jobs', admin, {
      action: 'set-deadline',
      params: { courseId: 'c-1', deadline: '2031-06-30' },
      selection: { userIds: ['cy'] },
    });
    await eventually(async () => (await call('GET', `/v1/batch-jobs/${deadline.body.id}`, admin)).body.status === 'completed', 60_000, 'deadline');
    const items = await call('GET', `/v1/batch-jobs/${deadline.body.id}/items`, admin);
    expect(items.body.items).toEqual([expect.objectContaining({ userId: 'cy', status: 'succeeded' })]);
  });
});
