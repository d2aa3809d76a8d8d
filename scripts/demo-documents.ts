/** The plain documents of the demo tenant, one per person in each service's store (composite string `_id`). */
import type { Role } from '@cohort/auth';

export const PERSON_STATUSES = ['invited', 'active', 'deactivated', 'archived'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const LANGUAGES = ['en', 'nl', 'de', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const ENROLMENT_STATUSES = ['enrolled', 'in-progress', 'completed', 'passed', 'failed', 'undecided'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface PersonDoc {
  _id: string;
  tenantId: string;
  userId: string;
  email: string;
  name: string;
  search: string;
  status: PersonStatus;
  role: Role;
  permissions: string[];
  language: Language;
  country: string;
  profileVisibility: 'public' | 'private';
  labels: string[];
  specialisms: string[];
  hireDate: Date;
  lastActiveAt: Date | null;
  anonymous: boolean;
  invitation: { sentCount: number; sentAt: Date | null } | null;
  priorStatuses: PersonStatus[];
  /** identity's copies of membership's and learning's lists (PersonFacts), for the directory filters */
  groupIds?: string[];
  courseIds?: string[];
  completedCourseIds?: string[];
  passedCourseIds?: string[];
  failedCourseIds?: string[];
  startedCourseIds?: string[];
  ops: never[];
  createdAt: Date;
  updatedAt: Date;
  v: 1;
}

export interface GroupDoc {
  _id: string;
  tenantId: string;
  groupId: string;
  name: string;
  kind: 'team' | 'group';
  autoEnrolCourseIds: string[];
  managerUserIds: string[];
}

export interface MembershipDoc {
  _id: string;
  tenantId: string;
  userId: string;
  groupIds: string[];
  sharedWith: never[];
  ops: never[];
}

export interface CourseDoc {
  _id: string;
  tenantId: string;
  courseId: string;
  title: string;
  kind: 'course' | 'learning-path' | 'series';
  courseIds?: string[];
}

export interface Enrolment {
  courseId: string;
  status: EnrolmentStatus;
  attempt: 1;
  enrolledAt: Date;
  completedAt?: Date;
  deadline?: Date;
}

export interface LearnerDoc {
  _id: string;
  tenantId: string;
  userId: string;
  enrolments: Enrolment[];
  tasks: never[];
  eventEnrolments: never[];
  contentShares: never[];
  ops: never[];
}

/** Something learning can share with people (share-content): a content item, a channel or a learnlist. */
export interface ContentDoc {
  _id: string;
  tenantId: string;
  kind: 'item' | 'channel' | 'learnlist';
  id: string;
  title: string;
}

export interface DemoTenant {
  people: PersonDoc[];
  groups: GroupDoc[];
  memberships: MembershipDoc[];
  courses: CourseDoc[];
  content: ContentDoc[];
  enrolments: LearnerDoc[];
}
