import { CohortSystem, personDoc, startSystem } from './system';

/**
 * The permission table of DESIGN.md §1 (seed 001) written out by hand for the integration specs — not
 * derived from the code under test — with valid params and a selection per action, so that a refusal
 * can only be the permission check.
 */
export const BY_KEY = {
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
/** every action of the table */
export const ALL_ACTIONS = Object.values(BY_KEY).flat();
const allBut = (...left: string[]) => ALL_ACTIONS.filter((a) => !left.includes(a));
const HR_ACTIONS = [...BY_KEY.specialisms, ...BY_KEY.labels, ...BY_KEY.tasks, ...BY_KEY.share, ...BY_KEY.notifications];

export interface Principal {
  role: string;
  permissions?: string[];
  /** the actions seed 001 allows them */
  allowed: string[];
}

/** principal id (also their user id in the specs) → role, named permissions and allowed actions */
export const PERMISSION_TABLE: Record<string, Principal> = {
  owner: { role: 'Owner', allowed: ALL_ACTIONS },
  admin: { role: 'Admin', allowed: allBut('delete') },
  'admin-delete': { role: 'Admin', permissions: ['delete'], allowed: ALL_ACTIONS },
  hr: { role: 'HR', allowed: HR_ACTIONS },
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
  'hr-delete': { role: 'HR', permissions: ['delete'], allowed: HR_ACTIONS },
};

/** the person every request selects */
export const PERMISSION_TARGET = 'target';

/** Valid params and selection per action, so a refusal can only be the permission check. */
export function permissionRequest(action: string): { params: Record<string, unknown>; selection: { userIds: string[] } } {
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
  return { params: params[action] ?? {}, selection: { userIds: [action === 'invite-users' ? 'new-person' : PERMISSION_TARGET] } };
}

/** What the row of a principal should say, action by action: allowed or forbidden. */
export function expectedVerdicts(principal: string): Record<string, string> {
  return Object.fromEntries(ALL_ACTIONS.map((a) => [a, PERMISSION_TABLE[principal].allowed.includes(a) ? 'allowed' : 'forbidden']));
}

/**
 * A row of verdicts as an HTTP route gives them, one request per action: 200 is allowed, 403
 * AUTH.FORBIDDEN forbidden, anything else is shown as it came.
 */
export async function httpVerdicts(ask: (action: string) => Promise<{ status: number; body: { code?: string } }>): Promise<Record<string, string>> {
  const verdicts: Record<string, string> = {};
  for (const action of ALL_ACTIONS) {
    const res = await ask(action);
    verdicts[action] =
      res.status === 200 ? 'allowed' : res.status === 403 && res.body.code === 'AUTH.FORBIDDEN' ? 'forbidden' : `HTTP ${res.status} ${res.body.code}`;
  }
  return verdicts;
}

/**
 * The real system with the gateway and every participant (previews ask them for a dry run), and one
 * person per principal of the table plus the target, in `tenant`. Returns the system and the gateway's URL.
 */
export async function startPermissionSystem(tenant: string, env: Record<string, string>): Promise<{ system: CohortSystem; gateway: string }> {
  const system = await startSystem({ gateway: true, env });
  const gateway = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
  for (const service of ['membership', 'learning', 'communications'] as const) await system.startParticipant(service);
  const people = Object.entries(PERMISSION_TABLE).map(([id, p]) => personDoc(tenant, id, { role: p.role, permissions: p.permissions ?? [] }));
  await system
    .db('identity')
    .collection('people')
    .insertMany([...people, personDoc(tenant, PERMISSION_TARGET)] as never[]);
  return { system, gateway };
}
