import { ContentKind, EnrolmentStatus, PersonStatus } from '@cohort/contracts';
import { PersonDocument } from '@cohort/common';

/** A finished attempt of a course, kept when the person starts the next one (retake, auto-enrolment after completion). */
export interface PastAttempt {
  attempt: number;
  status: EnrolmentStatus;
  enrolledAt: Date;
  completedAt?: Date;
}

/** A person's enrolment in a course, learning path or series (the current attempt; earlier ones in `history`). */
export interface Enrolment {
  courseId: string;
  status: EnrolmentStatus;
  attempt: number;
  enrolledAt: Date;
  completedAt?: Date;
  deadline?: Date;
  /** manual: an enrol job; auto: a group's auto-enrolment targets (absent in older documents) */
  source?: 'manual' | 'auto';
  /** the add-to-groups job whose auto-enrolment started this attempt: what that job's undo may take back */
  autoBy?: string;
  history?: PastAttempt[];
}

export interface Task {
  taskId: string;
  title: string;
  description?: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  status: 'open' | 'done';
  createdAt: Date;
  /** the add-task job that gave it */
  jobId: string;
}

export interface EventEnrolment {
  eventId: string;
  title: string;
  startsAt: Date;
}

export interface ContentShare {
  kind: ContentKind;
  id: string;
  sharedAt: Date;
}

/**
 * Everything learning keeps about one person, in one document (`learners`, `_id` = `<tenant>:<user>`), so
 * each action is one single-document write carrying its op marker. Certificates live apart (`certificates`).
 * Lists may be missing in documents written by hand or by older code: read them through the helpers below.
 */
/** A finished enrolment whose access a withdraw ended: the permanent record, kept for the person's history and reports. */
export interface WithdrawnEnrolment extends Enrolment {
  withdrawnAt: Date;
}

export interface LearnerDoc extends PersonDocument {
  enrolments: Enrolment[];
  /** finished enrolments withdrawn from (absent in older documents) */
  withdrawn?: WithdrawnEnrolment[];
  tasks: Task[];
  eventEnrolments: EventEnrolment[];
  contentShares: ContentShare[];
}

/** The fields of a person's document before anything happened to them. */
export function blankLearner(): Omit<LearnerDoc, keyof PersonDocument> {
  return { enrolments: [], tasks: [], eventEnrolments: [], contentShares: [] };
}

/**
 * Finished enrolments are the permanent record: completed, passed, failed. `undecided` is not among them: it
 * means awaiting assessment, so filters, deadlines and withdraw treat it as in progress.
 */
export const FINISHED: ReadonlySet<EnrolmentStatus> = new Set<EnrolmentStatus>(['completed', 'passed', 'failed']);

/** Passed a course: passed, or completed one without an assessment. */
export const PASSED: ReadonlySet<EnrolmentStatus> = new Set<EnrolmentStatus>(['completed', 'passed']);

/** Started and not finished: in progress, or awaiting assessment. */
export const STARTED: ReadonlySet<EnrolmentStatus> = new Set<EnrolmentStatus>(['in-progress', 'undecided']);

/** Whether the enrolment is part of the permanent record (enrol leaves it; set-deadline refuses it; withdraw keeps it as a withdrawn record). */
export function isFinished(e: Pick<Enrolment, 'status'>): boolean {
  return FINISHED.has(e.status);
}

/** People who no longer sign in (or are being deleted): nothing new is given to them. */
const INACTIVE: ReadonlySet<string> = new Set<PersonStatus>(['deactivated', 'archived', 'pending-deletion']);

/** Whether identity's person no longer gets anything new (enrol, add-task, share-content skip them). */
export function isInactive(person: { status: string }): boolean {
  return INACTIVE.has(person.status);
}

/** The person's enrolments (none when learning knows nothing about them yet). */
export function enrolmentsOf(learner: LearnerDoc | undefined): Enrolment[] {
  return learner?.enrolments ?? [];
}

/** The finished enrolments the person was withdrawn from (their record stays). */
export function withdrawnOf(learner: LearnerDoc | undefined): WithdrawnEnrolment[] {
  return learner?.withdrawn ?? [];
}

/** The person's enrolment in one course, if any. */
export function enrolmentIn(learner: LearnerDoc | undefined, courseId: string): Enrolment | undefined {
  return enrolmentsOf(learner).find((e) => e.courseId === courseId);
}

/** `YYYY-MM-DD` of a stored date (UTC), or null. */
export function isoDay(date: Date | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** A `YYYY-MM-DD` parameter as stored: midnight UTC of that day. */
export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * The enrolment's current attempt moved to its history and a new attempt begun (retake-course,
 * auto-enrolment of a finished course): status enrolled, no completion; the deadline stays.
 */
export function nextAttempt(e: Enrolment, now: Date, source: Enrolment['source']): Enrolment {
  const past: PastAttempt = { attempt: e.attempt, status: e.status, enrolledAt: e.enrolledAt, ...(e.completedAt && { completedAt: e.completedAt }) };
  const { completedAt: _completed, history, autoBy: _autoBy, ...rest } = e;
  return { ...rest, status: 'enrolled', attempt: e.attempt + 1, enrolledAt: now, ...(source && { source }), history: [...(history ?? []), past] };
}

/** The person's enrolments with the one of `next.courseId` replaced by `next` (a single-enrolment change, written as the whole list). */
export function replaceEnrolment(learner: LearnerDoc | undefined, next: Enrolment): Enrolment[] {
  return enrolmentsOf(learner).map((e) => (e.courseId === next.courseId ? next : e));
}
