import { signToken } from '@cohort/auth';
import { ACTION_IDS } from '@cohort/contracts';
import { uniqueTenant } from '@cohort/testing';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';

/**
 * Every action × role cell of the permission table (DESIGN.md §1, seed 001), on the real system: what
 * `GET /v1/actions` offers each caller, and what the orchestrator's intake — the one check HTTP and
 * Kafka commands both pass — accepts (a preview) or refuses (403 AUTH.FORBIDDEN). The expected table is
 * written out here by hand from the seed, not derived from the code under test.
 */
const BY_KEY = {
  invitations: ['resend-invitation', 'cancel-invitation', 'invite-users'],
  peopleAdmin: [
    'send-password-reset',
    'change-role',
    'change-language',
    'deactivate',
    'reactivate',
    'archive-profile',
    'reactivate-profile',
    'update-properties',
  ],
  delete: ['delete'],
  labels: ['add-labels', 'remove-labels'],
  specialisms: ['add-specialisms'],
  teams: ['add-to-groups', 'remove-from-groups', 'add-share'],
  enrolments: ['enrol', 'withdraw', 'retake-course', 'set-deadline', 'set-participation-status'],
  tasks: ['add-task'],
  certificates: ['assign-certificate', 'download-certificates'],
  share: ['share-content'],
  notifications: ['send-notification'],
  export: ['export-csv'],
};
const ALL = Object.values(BY_KEY).flat();
const allBut = (...left: string[]) => ALL.filter((a) => !left.includes(a));

/** principal id → role, named permissions, and the actions seed 001 allows them */
const TABLE: Record<string, { role: string; permissions?: string[]; allowed: string[] }> = {
  owner: { role: 'Owner', allowed: ALL },
  admin: { role: 'Admin', allowed: allBut('delete') },
  'admin-delete': { role: 'Admin', permissions: ['delete'], allowed: ALL },
  hr: { role: 'HR', allowed: [...BY_KEY.specialisms, ...BY_KEY.labels, ...BY_KEY.tasks, ...BY_KEY.share, ...BY_KEY.notifications] },
  curator: { role: 'Curator', allowed: [] },
  'curator-sharing': { role: 'Curator', permissions: ['share-content'], allowed: BY_KEY.share },
  manager: { role: 'Manager', allowed: [] },
  learner: { role: 'Learner', allowed: [] },
  reporter: { role: 'Reporter', allowed: [] },
  'learner-invitations': { role: 'Learner', permissions: ['invitations'], allowed: BY_KEY.invitations },
  'learner-teams': { role: 'Learner', permissions: ['team-management'], allowed: BY_KEY.teams },
  'manager-labels': { role: 'Manager', permissions: ['labels'], allowed: BY_KEY.labels },
  'reporter-tasks': { role: 'Reporter', permissions: ['tasks'], allowed: BY_KEY.tasks },
  'learner-certificates': { role: 'Learner', permissions: ['certificates'], allowed: BY_KEY.certificates },
  // a named permission only counts for the role seed 001 names it with
  'manager-delete': { role: 'Manager', permissions: ['delete'], allowed: [] },
  'learner-sharing': { role: 'Learner', permissions: ['share-content'], allowed: [] },
  'hr-delete': {
    role: 'HR',
    permissions: ['delete'],
    allowed: [...BY_KEY.specialisms, ...BY_KEY.labels, ...BY_KEY.tasks, ...BY_KEY.share, ...BY_KEY.notifications],
  },
};

const TARGET = 'target';

/** Valid params (and selection) per action, so a refusal can only be the permission check. */
function request(action: string): { params: Record<string, unknown>; selection: Record<string, unknown> } {
  const params: Record<string, Record<string, unknown>> = {
    'invite-users': { invitees: [{ userId: 'new-person', email: 'new-person@example.test' }] },
    'change-role': { role: 'HR' },
    'change-language': { language: 'nl' },
    'add-labels': { labels: ['x'] },
    'remove-labels': { labels: ['x'] },
    'add-specialisms': { specialisms: ['x'] },
    'update-properties': { country: 'NL' },
    'add-to-groups': { groupIds: ['g1'] },
    'remove-from-groups': { groupIds: ['g1'] },
    'add-share': { managerUserId: 'owner' },
    enrol: { courseIds: ['c1'] },
    withdraw: { courseIds: ['c1'] },
    'add-task': { title: 'Read the handbook' },
    'assign-certificate': { title: 'Safety' },
    'retake-course': { courseId: 'c1' },
    'set-deadline': { courseId: 'c1', deadline: '2027-01-31' },
    'set-participation-status': { courseId: 'c1', status: 'passed' },
    'share-content': { items: [{ kind: 'learnlist', id: 'll-1' }] },
    'send-notification': { subject: 'Hello', body: 'Welcome', email: false },
  };
  return { params: params[action] ?? {}, selection: { userIds: [action === 'invite-users' ? 'new-person' : TARGET] } };
}

describe('permission table: every action × role cell', () => {
  const tenant = uniqueTenant('perms');
  let system: CohortSystem;
  let gateway: string;

  beforeAll(async () => {
    system = await startSystem({ gateway: true, env: { GATEWAY_AUTH_CACHE_MS: '0', GATEWAY_RATE_LIMIT: '100000' } });
    gateway = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    // previews of their actions ask them for a dry run
    for (const service of ['membership', 'learning', 'communications'] as const) await system.startParticipant(service);
    const people = Object.entries(TABLE).map(([id, p]) => personDoc(tenant, id, { role: p.role, permissions: p.permissions ?? [] }));
    await system
      .db('identity')
      .collection('people')
      .insertMany([...people, personDoc(tenant, TARGET)] as never[]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('the written table covers the whole catalogue', () => {
    expect([...ALL].sort()).toEqual([...ACTION_IDS].sort());
  });

  it.each(Object.keys(TABLE))('GET /v1/actions offers %s exactly the actions of the table', async (id) => {
    const token = signToken({ sub: id, tid: tenant, role: TABLE[id].role as never, email: `${id}@${tenant}.test` });
    const res = await getJson<{ id: string }[]>(`${gateway}/v1/actions`, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.body.map((a) => a.id).sort()).toEqual([...TABLE[id].allowed].sort());
  });

  it.each(Object.keys(TABLE))('the orchestrator intake allows and refuses every action for %s as the table says', async (id) => {
    const verdicts: Record<string, string> = {};
    for (const action of ALL) {
      const res = await postJson<{ code?: string }>(`${system.jobsUrl(tenant)}/preview`, { actorId: id, action, ...request(action) });
      verdicts[action] =
        res.status === 200
          ? 'allowed'
          : res.status === 403 && res.body.code === 'AUTH.FORBIDDEN'
            ? 'forbidden'
            : `HTTP ${res.status} ${res.body.code}`;
    }
    const expected = Object.fromEntries(ALL.map((action) => [action, TABLE[id].allowed.includes(action) ? 'allowed' : 'forbidden']));
    expect(verdicts).toEqual(expected);
  });
});
