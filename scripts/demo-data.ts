/**
 * The demo tenant: a pure, deterministic generator (seeded PRNG) of people, groups, memberships,
 * courses and enrolments as plain documents, one document per person in each service's store.
 */
import type { Role } from '@cohort/auth';
import { learnerFacts } from '../apps/learning/src/learners/learner-facts';
import type {
  ContentDoc,
  CourseDoc,
  DemoTenant,
  Enrolment,
  EnrolmentStatus,
  GroupDoc,
  Language,
  LearnerDoc,
  MembershipDoc,
  PersonDoc,
  PersonStatus,
} from './demo-documents';

import { CONTENT, COUNTRIES, COURSES, FIRST, GROUPS, LABELS, LAST, PATHS, PLAIN_COURSE_IDS, SPECIALISMS, TEAMS } from './demo-catalogue';

export * from './demo-documents';

export const DEMO_TENANT = 'demo';
export const DEMO_PEOPLE = 2400;
/** The default "now" the demo data is dated against (callers may pass their own). */
export const DEMO_NOW = new Date('2025-06-02T00:00:00.000Z');

/** Well-known accounts (the same in every tenant built by `buildDemoTenant`). */
export const DEMO_EMAILS = {
  owner: 'owner@demo.test',
  owner2: 'owner2@demo.test',
  /** An Admin holding the `delete` permission. */
  adminWithDelete: 'admin1@demo.test',
  /** An Admin without it. */
  admin: 'admin2@demo.test',
  hr: 'hr1@demo.test',
  /** A Curator holding the `share-content` permission. */
  curatorWithSharing: 'curator1@demo.test',
  curator: 'curator2@demo.test',
  manager: 'manager1@demo.test',
  reporter: 'reporter1@demo.test',
  learner: 'learner1@demo.test',
  invited: 'invited1@demo.test',
  deactivated: 'deactivated1@demo.test',
  archived: 'archived1@demo.test',
  anonymous: 'anonymous1@demo.test',
} as const;
export const DEMO_OWNER_EMAILS: readonly string[] = [DEMO_EMAILS.owner, DEMO_EMAILS.owner2];

// ---------------------------------------------------------------- randomness

type Rng = () => number;
const SEED = 20250602;

/** mulberry32: small, fast, good enough for demo data. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
function weighted<T extends string>(rng: Rng, weights: ReadonlyArray<[T, number]>): T {
  let r = rng() * weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of weights) if ((r -= w) < 0) return value;
  return weights[weights.length - 1][0];
}
function sample<T>(rng: Rng, list: readonly T[], n: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]);
  return out;
}
const DAY = 86_400_000;
const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * DAY);
const daysAfter = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const daysBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY));

// ---------------------------------------------------------------- people

interface Seat {
  email: string;
  role: Role;
  permissions?: string[];
  status?: PersonStatus;
  anonymous?: boolean;
  language?: Language;
}

/** The fixed accounts at the top of the tenant, in userId order (u-0001 is the Owner); all speak English. */
function staffSeats(): Seat[] {
  const seats: Seat[] = [
    { email: DEMO_EMAILS.owner, role: 'Owner' },
    { email: DEMO_EMAILS.owner2, role: 'Owner' },
  ];
  const add = (prefix: string, role: Role, count: number, perms: Record<number, string[]> = {}) => {
    for (let i = 1; i <= count; i++) seats.push({ email: `${prefix}${i}@demo.test`, role, permissions: perms[i] });
  };
  add('admin', 'Admin', 10, { 1: ['delete'] });
  add('hr', 'HR', 4);
  add('curator', 'Curator', 3, { 1: ['share-content'] });
  add('manager', 'Manager', TEAMS.length);
  add('reporter', 'Reporter', 3);
  seats.push(
    { email: DEMO_EMAILS.learner, role: 'Learner', status: 'active' },
    { email: DEMO_EMAILS.invited, role: 'Learner', status: 'invited' },
    { email: DEMO_EMAILS.deactivated, role: 'Learner', status: 'deactivated' },
    { email: DEMO_EMAILS.archived, role: 'Learner', status: 'archived' },
    { email: DEMO_EMAILS.anonymous, role: 'Learner', status: 'active', anonymous: true },
  );
  return seats.map((s) => ({ ...s, status: s.status ?? 'active', language: 'en' }));
}

const STATUS_WEIGHTS: ReadonlyArray<[PersonStatus, number]> = [
  ['active', 75],
  ['invited', 12],
  ['deactivated', 8],
  ['archived', 5],
];
const LANGUAGE_WEIGHTS: ReadonlyArray<[Language, number]> = [
  ['en', 40],
  ['nl', 20],
  ['de', 15],
  ['fr', 15],
  ['es', 10],
];

export function userIdOf(index: number, people: number): string {
  return `u-${String(index + 1).padStart(Math.max(4, String(people).length), '0')}`;
}

function buildPerson(rng: Rng, tenantId: string, userId: string, name: string, seat: Seat, now: Date): PersonDoc {
  const status = seat.status ?? weighted(rng, STATUS_WEIGHTS);
  const anonymous = seat.anonymous ?? false;
  const language = seat.language ?? weighted(rng, LANGUAGE_WEIGHTS);
  const hireDate = daysBefore(now, int(rng, 1, 3650));
  const createdAt = daysBefore(now, int(rng, 0, Math.min(365, daysBetween(hireDate, now))));
  const resentAt = daysBefore(now, int(rng, 0, daysBetween(createdAt, now)));
  const lastActive = daysBefore(now, status === 'active' ? int(rng, 0, 60) : int(rng, 61, 400));
  const lastActiveAt = status === 'invited' ? null : lastActive > createdAt ? lastActive : createdAt;
  const sentCount = status === 'invited' ? int(rng, 1, 3) : 1;
  return {
    _id: `${tenantId}:${userId}`,
    tenantId,
    userId,
    email: seat.email,
    name,
    search: `${name} ${seat.email}`.toLowerCase(),
    status,
    role: seat.role,
    permissions: seat.permissions ?? [],
    language,
    country: pick(rng, COUNTRIES[language]),
    profileVisibility: rng() < 0.85 ? 'public' : 'private',
    labels: sample(rng, LABELS, int(rng, 0, 3)),
    specialisms: sample(rng, SPECIALISMS, rng() < 0.6 ? 0 : int(rng, 1, 2)),
    hireDate,
    lastActiveAt,
    anonymous,
    // the model: an invitation is kept only while it is pending (accepting clears it), and a suspended person
    // remembers the status their suspension ended (all the demo's suspended people had joined)
    invitation: anonymous || status !== 'invited' ? null : { sentCount, sentAt: sentCount > 1 ? resentAt : createdAt },
    priorStatuses: status === 'deactivated' || status === 'archived' ? ['active'] : [],
    ops: [],
    createdAt,
    updatedAt: lastActiveAt && lastActiveAt > createdAt ? lastActiveAt : createdAt,
    v: 1,
  };
}

function buildPeople(rng: Rng, tenantId: string, count: number, now: Date): PersonDoc[] {
  const seats = staffSeats();
  return Array.from({ length: count }, (_, i) => {
    const name = `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
    const userId = userIdOf(i, count);
    const seat: Seat = seats[i] ?? {
      email: `${name
        .normalize('NFD')
        .replace(/[^A-Za-z ]/g, '')
        .toLowerCase()
        .replace(/ +/g, '.')}.${i + 1}@demo.test`,
      role: 'Learner',
      anonymous: rng() < 0.005,
    };
    return buildPerson(rng, tenantId, userId, name, seat, now);
  });
}

// ---------------------------------------------------------------- groups, memberships, courses, enrolments

function buildCourses(tenantId: string): CourseDoc[] {
  const plain = COURSES.map(([courseId, title]): CourseDoc => ({ _id: `${tenantId}:${courseId}`, tenantId, courseId, title, kind: 'course' }));
  const bundles = PATHS.map(([courseId, title, kind, courseIds]): CourseDoc => ({
    _id: `${tenantId}:${courseId}`,
    tenantId,
    courseId,
    title,
    kind: kind as CourseDoc['kind'],
    courseIds,
  }));
  return [...plain, ...bundles];
}

function buildGroups(tenantId: string, people: PersonDoc[]): GroupDoc[] {
  const managers = people.filter((p) => p.role === 'Manager').map((p) => p.userId);
  const doc = (groupId: string, name: string, kind: GroupDoc['kind'], autoEnrolCourseIds: string[], managerUserIds: string[]): GroupDoc => ({
    _id: `${tenantId}:${groupId}`,
    tenantId,
    groupId,
    name,
    kind,
    autoEnrolCourseIds,
    managerUserIds,
  });
  return [
    ...TEAMS.map(([id, name], i) => doc(id, name, 'team', [], managers[i] ? [managers[i]] : [])),
    ...GROUPS.map(([id, name, targets]) => doc(id, name, 'group', targets, [])),
  ];
}

/** A manager sits in the team they manage; most others in one random team; about half in 1–2 groups. */
function groupIdsFor(rng: Rng, userId: string, managedTeam: Map<string, string>): string[] {
  const team = managedTeam.get(userId) ?? (rng() < 0.9 ? pick(rng, TEAMS)[0] : undefined);
  const groups = sample(rng, GROUPS, rng() < 0.45 ? 0 : int(rng, 1, 2)).map(([id]) => id);
  return team ? [team, ...groups] : groups;
}

const ENROLMENT_WEIGHTS: ReadonlyArray<[EnrolmentStatus, number]> = [
  ['enrolled', 30],
  ['in-progress', 28],
  ['completed', 25],
  ['passed', 9],
  ['failed', 5],
  ['undecided', 3],
];

function enrolment(rng: Rng, courseId: string, person: PersonDoc, now: Date): Enrolment {
  const status: EnrolmentStatus = person.status === 'invited' ? 'enrolled' : weighted(rng, ENROLMENT_WEIGHTS);
  const enrolledAt = daysBefore(now, int(rng, 0, daysBetween(person.createdAt, now)));
  const e: Enrolment = { courseId, status, attempt: 1, enrolledAt };
  if (status === 'completed' || status === 'passed' || status === 'failed') {
    e.completedAt = daysAfter(enrolledAt, int(rng, 0, daysBetween(enrolledAt, now)));
  } else if (rng() < 0.3) {
    e.deadline = daysAfter(now, int(rng, -14, 90));
  }
  return e;
}

function enrolmentsFor(rng: Rng, person: PersonDoc, groupIds: string[], groups: Map<string, GroupDoc>, now: Date): Enrolment[] {
  const targets = groupIds.flatMap((g) => groups.get(g)?.autoEnrolCourseIds ?? []);
  const extra = person.status === 'invited' ? int(rng, 0, 1) : int(rng, 0, 5);
  const courseIds = [...new Set([...targets, ...sample(rng, PLAIN_COURSE_IDS, extra)])];
  return courseIds.map((courseId) => enrolment(rng, courseId, person, now));
}

// ---------------------------------------------------------------- the tenant

/**
 * Builds the demo tenant. Deterministic: the same arguments give the same documents.
 * Fewer people than the fixed accounts (about 33) keeps only the first of those accounts.
 */
export function buildDemoTenant(tenantId = DEMO_TENANT, people = DEMO_PEOPLE, now: Date = DEMO_NOW): DemoTenant {
  const rng = mulberry32(SEED);
  const persons = buildPeople(rng, tenantId, people, now);
  const groups = buildGroups(tenantId, persons);
  const groupById = new Map(groups.map((g) => [g.groupId, g]));
  const managedTeam = new Map(groups.flatMap((g) => g.managerUserIds.map((u): [string, string] => [u, g.groupId])));
  const memberships: MembershipDoc[] = [];
  const enrolments: LearnerDoc[] = [];
  for (const person of persons) {
    const groupIds = groupIdsFor(rng, person.userId, managedTeam);
    const key = { _id: person._id, tenantId, userId: person.userId };
    memberships.push({ ...key, groupIds, sharedWith: [], ops: [] });
    const learning = enrolmentsFor(rng, person, groupIds, groupById, now);
    // what learning's PersonFacts would have told identity (the same function, so the filters agree)
    const { courseIds, completedCourseIds, passedCourseIds, failedCourseIds, startedCourseIds } = learnerFacts(
      tenantId,
      { ...key, enrolments: learning, ops: [] } as unknown as Parameters<typeof learnerFacts>[1],
      now.toISOString(),
    );
    Object.assign(person, { groupIds, courseIds, completedCourseIds, passedCourseIds, failedCourseIds, startedCourseIds });
    enrolments.push({
      ...key,
      enrolments: learning,
      tasks: [],
      eventEnrolments: [],
      contentShares: [],
      ops: [],
    });
  }
  const content = CONTENT.map(([kind, id, title]): ContentDoc => ({ _id: `${tenantId}:${kind}:${id}`, tenantId, kind, id, title }));
  return { people: persons, groups, memberships, courses: buildCourses(tenantId), content, enrolments };
}
