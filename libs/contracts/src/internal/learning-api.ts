import { z } from 'zod';
import { EntityId, IsoDateTime } from '../fields';
import { ContentKind, EnrolmentStatus } from '../vocabulary';

/**
 * learning's small internal HTTP API (DESIGN.md §2), called by the gateway and the orchestrator;
 * every route is scoped by tenant in the path. Errors are `{code, message, details: {field}}`.
 *
 *   GET  /internal/tenants/:tenantId/courses                          → CourseList (courses, learning paths, series)
 *   GET  /internal/tenants/:tenantId/people/:userId/learning          → PersonLearning (empty lists for someone unknown)
 *   GET  /internal/tenants/:tenantId/certificates/:certificateId/pdf  → application/pdf | 404
 *   GET  /internal/tenants/:tenantId/jobs/:jobId/artifact             → application/zip (download-certificates) | 404
 *   POST /internal/tenants/:tenantId/decide                           DecideRequest → DecideResponse (dry run, no writes)
 */
export const CourseKind = z.enum(['course', 'learning-path', 'series']);
export type CourseKind = z.infer<typeof CourseKind>;

export const CourseView = z.object({
  courseId: EntityId,
  title: z.string(),
  kind: CourseKind,
  /** the courses of a learning path or series, in order */
  courseIds: z.array(EntityId).optional(),
});
export type CourseView = z.infer<typeof CourseView>;

export const CourseList = z.object({ items: z.array(CourseView) });
export type CourseList = z.infer<typeof CourseList>;

export const EnrolmentView = z.object({
  courseId: EntityId,
  status: EnrolmentStatus,
  /** 1 for the first time; a retake or an auto-enrolment after completion starts the next */
  attempt: z.number().int().min(1),
  enrolledAt: IsoDateTime,
  completedAt: IsoDateTime.optional(),
  deadline: IsoDateTime.optional(),
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const TaskView = z.object({
  taskId: EntityId,
  title: z.string(),
  description: z.string().optional(),
  dueDate: z.string().optional(),
  status: z.enum(['open', 'done']),
  createdAt: IsoDateTime,
});
export type TaskView = z.infer<typeof TaskView>;

export const CertificateView = z.object({
  certificateId: EntityId,
  title: z.string(),
  courseId: EntityId.optional(),
  /** printed on the PDF: anyone can check a certificate with it */
  verificationCode: z.string(),
  issuedAt: IsoDateTime,
});
export type CertificateView = z.infer<typeof CertificateView>;

/** A finished enrolment the person was withdrawn from: no access, the record stays. */
export const WithdrawnEnrolmentView = EnrolmentView.extend({ withdrawnAt: IsoDateTime });
export type WithdrawnEnrolmentView = z.infer<typeof WithdrawnEnrolmentView>;

export const PersonLearning = z.object({
  enrolments: z.array(EnrolmentView),
  /** finished enrolments withdrawn from, oldest first (absent from older services) */
  withdrawn: z.array(WithdrawnEnrolmentView).default([]),
  tasks: z.array(TaskView),
  certificates: z.array(CertificateView),
  eventEnrolments: z.array(z.object({ eventId: EntityId, title: z.string(), startsAt: IsoDateTime })),
  contentShares: z.array(z.object({ kind: ContentKind, id: EntityId, sharedAt: IsoDateTime })),
});
export type PersonLearning = z.infer<typeof PersonLearning>;
