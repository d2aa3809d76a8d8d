import { CertificateView, CourseView, EnrolmentView, PersonLearning } from '@cohort/contracts';
import { CourseDoc } from '../catalogue/catalogue';
import { Enrolment, LearnerDoc } from '../learners/learner';

/** A certificate as `certificates` holds it (written by assign-certificate), as far as the person view reads it. */
export interface CertificateRecord {
  certificateId: string;
  title: string;
  courseId?: string;
  verificationCode: string;
  issuedAt: Date;
}

const iso = (date: Date | string): string => new Date(date).toISOString();

const enrolmentView = (e: Enrolment): EnrolmentView => ({
  courseId: e.courseId,
  status: e.status,
  attempt: e.attempt,
  enrolledAt: iso(e.enrolledAt),
  ...(e.completedAt && { completedAt: iso(e.completedAt) }),
  ...(e.deadline && { deadline: iso(e.deadline) }),
});

/**
 * Pure: what learning knows about one person, as the gateway's person page shows it: dates as ISO
 * strings, certificates newest first; someone learning knows nothing about has empty lists.
 */
export function personLearningView(learner: LearnerDoc | undefined, certificates: readonly CertificateRecord[]): PersonLearning {
  return {
    enrolments: (learner?.enrolments ?? []).map(enrolmentView),
    withdrawn: (learner?.withdrawn ?? []).map((e) => ({ ...enrolmentView(e), withdrawnAt: iso(e.withdrawnAt) })),
    tasks: (learner?.tasks ?? []).map((t) => ({
      taskId: t.taskId,
      title: t.title,
      ...(t.description !== undefined && { description: t.description }),
      ...(t.dueDate !== undefined && { dueDate: t.dueDate }),
      status: t.status,
      createdAt: iso(t.createdAt),
    })),
    certificates: [...certificates]
      .sort((a, b) => new Date(b.issuedAt).getTime() - new Date(a.issuedAt).getTime())
      .map((c): CertificateView => ({
        certificateId: c.certificateId,
        title: c.title,
        ...(c.courseId !== undefined && { courseId: c.courseId }),
        verificationCode: c.verificationCode,
        issuedAt: iso(c.issuedAt),
      })),
    eventEnrolments: (learner?.eventEnrolments ?? []).map((e) => ({ eventId: e.eventId, title: e.title, startsAt: iso(e.startsAt) })),
    contentShares: (learner?.contentShares ?? []).map((c) => ({ kind: c.kind, id: c.id, sharedAt: iso(c.sharedAt) })),
  };
}

/** Pure: a catalogue entry as the course pickers list it. */
export function courseView(course: CourseDoc): CourseView {
  return { courseId: course.courseId, title: course.title, kind: course.kind, ...(course.courseIds && { courseIds: course.courseIds }) };
}
