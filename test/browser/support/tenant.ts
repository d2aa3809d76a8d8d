import { signToken } from '@cohort/auth';
import type { CohortSystem } from '../../support/system';
import { personDoc } from '../../support/system';

const FIRST = ['Lena', 'Ada', 'Bram', 'Chloé', 'Daan', 'Emma', 'Finn', 'Greta', 'Hugo', 'Iris', 'Jonas', 'Katja'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit'];

export const LEARNERS = 60;
export const NEW_STARTERS = 5;
export const WARDENS = 8;
export const ALREADY_WARDENS = 3;

export interface ConsoleTenant {
  tenant: string;
  ownerToken: string;
  learnerIds: string[];
  newStarterIds: string[];
  wardenIds: string[];
  lena: { userId: string; name: string };
}

/**
 * The tenant the browser specs work in, written into the services' stores: an Owner, 60 Learners (the
 * first five labelled new-starter), 8 Curators labelled fire-warden (3 already in the Fire wardens group,
 * whose auto-enrolment course does not exist yet), a few HR, Managers and a Reporter; groups and courses.
 */
export async function seedConsoleTenant(system: CohortSystem, tenant: string): Promise<ConsoleTenant> {
  const person = (userId: string, name: string, fields: Record<string, unknown> = {}) => {
    const email = `${userId}@${tenant}.test`;
    return personDoc(tenant, userId, { name, email, search: `${name} ${email}`.toLowerCase(), ...fields });
  };
  const learnerIds = Array.from({ length: LEARNERS }, (_, i) => `learner-${String(i + 1).padStart(2, '0')}`);
  const wardenIds = Array.from({ length: WARDENS }, (_, i) => `warden-${i + 1}`);
  const nameOf = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const people = [
    person('owner', 'Olivia Owner', { role: 'Owner' }),
    ...learnerIds.map((id, i) =>
      person(id, nameOf(i), { language: i % 4 === 3 ? 'de' : 'en', country: i % 3 ? 'NL' : 'BE', labels: i < NEW_STARTERS ? ['new-starter'] : [] }),
    ),
    ...wardenIds.map((id, i) =>
      person(id, `Warden ${['Ahmed', 'Bo', 'Cas', 'Dirk', 'Eva', 'Fleur', 'Gijs', 'Hanna'][i]}`, { role: 'Curator', labels: ['fire-warden'] }),
    ),
    person('hr-1', 'Hannah HR', { role: 'HR' }),
    person('manager-1', 'Mark Manager', { role: 'Manager' }),
    person('manager-2', 'Mila Manager', { role: 'Manager' }),
    person('reporter-1', 'Rita Reporter', { role: 'Reporter' }),
  ];
  await system
    .db('identity')
    .collection('people')
    .insertMany(people as never[]);

  const courses = [
    ['course-welcome', 'Welcome to the company'],
    ['course-safety', 'Workplace safety basics'],
    ['course-privacy', 'Privacy and GDPR'],
  ];
  await system
    .db('learning')
    .collection('courses')
    .insertMany(courses.map(([courseId, title]) => ({ _id: `${tenant}:${courseId}`, tenantId: tenant, courseId, title, kind: 'course' })) as never[]);
  const group = (groupId: string, name: string, autoEnrolCourseIds: string[], kind = 'group') => ({
    _id: `${tenant}:${groupId}`,
    tenantId: tenant,
    groupId,
    name,
    kind,
    autoEnrolCourseIds,
    managerUserIds: [],
  });
  await system
    .db('membership')
    .collection('groups')
    .insertMany([
      group('onboarding', 'Onboarding 2027', ['course-welcome', 'course-safety']),
      group('fire-wardens', 'Fire wardens', ['course-fire-safety']),
      group('team-sales', 'Sales', [], 'team'),
    ] as never[]);
  await system
    .db('membership')
    .collection('memberships')
    .insertMany(
      wardenIds
        .slice(0, ALREADY_WARDENS)
        .map((userId) => ({ _id: `${tenant}:${userId}`, tenantId: tenant, userId, groupIds: ['fire-wardens'], sharedWith: [], ops: [] })) as never[],
    );
  return {
    tenant,
    ownerToken: signToken({ sub: 'owner', tid: tenant, role: 'Owner', email: `owner@${tenant}.test` }),
    learnerIds,
    newStarterIds: learnerIds.slice(0, NEW_STARTERS),
    wardenIds,
    lena: { userId: learnerIds[0], name: nameOf(0) },
  };
}

/** The Fire wardens group's auto-enrolment course, added to the catalogue (what fixes test 3's failures). */
export async function addFireSafetyCourse(system: CohortSystem, tenant: string): Promise<void> {
  await system
    .db('learning')
    .collection('courses')
    .insertOne({
      _id: `${tenant}:course-fire-safety`,
      tenantId: tenant,
      courseId: 'course-fire-safety',
      title: 'Fire safety',
      kind: 'course',
    } as never);
}
