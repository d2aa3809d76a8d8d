/**
 * What the console reads from and sends to the gateway's public HTTP API (README "HTTP API", OpenAPI at
 * /docs-json). Only the fields the console uses; the API may send more.
 */

export const ROLES = ['Owner', 'Admin', 'HR', 'Curator', 'Manager', 'Learner', 'Reporter'] as const;
export type Role = (typeof ROLES)[number];
export const PERSON_STATUSES = ['invited', 'active', 'deactivated', 'archived', 'pending-deletion'] as const;
export const LANGUAGES = ['en', 'nl', 'de', 'fr', 'es', 'it', 'pt', 'pl', 'sv', 'da', 'fi', 'nb'] as const;
export const ITEM_STATES = ['pending', 'running', 'succeeded', 'skipped', 'failed', 'cancelled'] as const;
export type ItemState = (typeof ITEM_STATES)[number];
export const JOB_STATUSES = ['scheduled', 'awaiting-approval', 'queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const FINISHED: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);

/** The error body of every API error. */
export interface ErrorBody {
  code: string;
  message: string;
  details: { field?: string; [key: string]: unknown };
}

export interface Person {
  userId: string;
  tenantId: string;
  email: string;
  name: string;
  status: string;
  role: Role;
  permissions: string[];
  language: string;
  country?: string;
  labels: string[];
  specialisms: string[];
  hireDate?: string;
  lastActiveAt?: string;
}

export interface PersonProfile extends Person {
  groups: { groupId: string; name: string; kind: string }[] | null;
  learning: {
    enrolments: { courseId: string; status: string; attempt: number; deadline?: string }[];
    tasks: { taskId: string; title: string; status: string; dueDate?: string }[];
    certificates: { certificateId: string; title: string; issuedAt: string }[];
  } | null;
  notifications: { unread: number } | null;
}

/** `GET /v1/people` filters: fields combine with AND, values of one list with OR. */
export type CourseStatus = 'passed' | 'failed' | 'in-progress' | 'not-started' | 'not-enrolled' | 'not-passed';

export interface PeopleFilter {
  roles?: string[];
  statuses?: string[];
  groupIds?: string[];
  labels?: string[];
  specialisms?: string[];
  languages?: string[];
  countries?: string[];
  courseId?: string;
  /** with courseId: where people stand in that course */
  courseStatus?: CourseStatus;
  /** older links: with courseId, passed / not passed */
  completion?: 'completed' | 'not-completed';
  q?: string;
}

export interface DirectoryPage {
  items: Person[];
  nextCursor: string | null;
  total: number;
}

/** The part of JSON Schema (draft 2020-12) the action parameter schemas use. */
export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: string[];
  items?: JsonSchema;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  default?: unknown;
}

export interface ActionView {
  id: string;
  service: string;
  title: string;
  description: string;
  reversible: boolean;
  destructive: boolean;
  /** a destructive action's one sentence on undo, the same as its preview's DESTRUCTIVE warning */
  notice?: string;
  paramsSchema: JsonSchema;
}

export interface Group {
  groupId: string;
  name: string;
  kind: 'team' | 'group';
  autoEnrolCourses: { courseId: string; title?: string }[];
  managerUserIds: string[];
}

export interface Course {
  courseId: string;
  title: string;
  kind: 'course' | 'learning-path' | 'series';
}

/** Exactly one of userIds, filter or importId. */
export type Selection = { userIds: string[] } | { filter: PeopleFilter; excludeIds?: string[] } | { importId: string };

export interface JobRequest {
  action: string;
  params: Record<string, unknown>;
  selection: Selection;
  snapshotId?: string;
  options?: { approvalCount?: number };
}

export interface ReasonCount {
  code: string;
  message: string;
  count: number;
}

export interface Preview {
  snapshotId: string;
  action: string;
  /** a previewed undo: the job it restores */
  undoOf?: string;
  total: number;
  evaluated: number;
  exact: boolean;
  willChange: number;
  skipped: ReasonCount[];
  failed: ReasonCount[];
  sample: {
    userId: string;
    name?: string;
    email?: string;
    status: 'succeeded' | 'skipped' | 'failed';
    code?: string;
    before?: unknown;
    after?: unknown;
  }[];
  warnings: { code: string; message: string }[];
  requiresApprovalCount: boolean;
  expiresAt: string;
}

export type ItemCounts = Record<ItemState, number>;

export interface JobView {
  id: string;
  action: string;
  params: Record<string, unknown>;
  actorId: string;
  /** who asked for the job, by name (from identity) */
  actorName?: string;
  selection: { filter?: PeopleFilter; importId?: string; userIdCount?: number; excludeIdCount?: number; undoOf?: string; retryOf?: string };
  source: 'http' | 'kafka' | 'undo' | 'retry';
  status: JobStatus;
  total: number | null;
  counts: ItemCounts;
  ratePerSecond: number;
  etaSeconds: number | null;
  reversible: boolean;
  reason?: { code: string; message: string };
  undoOf?: string;
  undoneBy?: string;
  retryOf?: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface JobList {
  items: JobView[];
  nextCursor: string | null;
}

export interface ItemView {
  userId: string;
  /** from identity, when it knows the person */
  name?: string;
  email?: string;
  status: ItemState;
  code?: string;
  message?: string;
  step?: string;
  attempts: number;
  before?: unknown;
  data?: Record<string, unknown>;
}

export interface ItemPage {
  items: ItemView[];
  nextCursor: string | null;
}

export interface NotificationView {
  id: string;
  subject: string;
  body: string;
  createdAt: string;
  deliveredAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  unread: number;
}

export interface ImportSummary {
  importId: string;
  purpose: 'invite' | 'select';
  rows: number;
  valid: number;
  invalid: number;
  errors: { row: number; column: string; message: string }[];
}

/** A job's live event (SSE `progress`, `completed`, `failed`, `cancelled`). */
export interface JobEvent {
  type: string;
  counts?: ItemCounts;
  total?: number;
  ratePerSecond?: number;
  etaSeconds?: number | null;
}

/** `GET /console/config.json`: served by the gateway beside the console. */
export interface ConsoleConfig {
  devSignIn: boolean;
  devTenant: string;
}

export interface DevPerson {
  userId: string;
  name: string;
  email: string;
  role: string;
}
