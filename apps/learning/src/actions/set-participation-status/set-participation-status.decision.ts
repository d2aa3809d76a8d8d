import { EnrolmentStatus, ParticipationStatus } from '@cohort/contracts';
import { skippedBecause } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { Enrolment, enrolmentIn, replaceEnrolment } from '../../learners/learner';
import { changed, LearnerDecision, settledAlready, Subject } from '../learner-decision';

/**
 * Pure: records one person's result in the course (passed, failed or undecided). Passed and failed are a
 * completion: completedAt becomes now unless the person completed the course before. `before` is
 * `{status, completedAt}` (ISO or null), what the undo (restore-enrolment-status) puts back.
 */
export function decideSetParticipationStatus(s: Subject, courseId: string, status: ParticipationStatus, now: Date): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const enrolment = enrolmentIn(s.learner, courseId);
  if (!enrolment) return skippedBecause(s.userId, LEARNING.NOT_ENROLLED, `not enrolled in ${courseId}`, null);
  if (enrolment.status === status) return skippedBecause(s.userId, LEARNING.UNCHANGED, `the status is already ${status}`, status);
  const completedAt = status !== 'undecided' && !enrolment.completedAt ? now : enrolment.completedAt;
  const before = { status: enrolment.status, completedAt: enrolment.completedAt ? new Date(enrolment.completedAt).toISOString() : null };
  return statusChange(s, enrolment, { ...enrolment, status, ...(completedAt && { completedAt }) }, before);
}

/** The enrolment replaced by `next` (a different status, maybe a different completion); `before` the prior status unless given. */
export function statusChange(s: Subject, enrolment: Enrolment, next: Enrolment, before: unknown = enrolment.status): LearnerDecision {
  const prior: EnrolmentStatus = enrolment.status;
  return changed(s, {
    before,
    update: { $set: { enrolments: replaceEnrolment(s.learner, next) } },
    preview: { before: prior, after: next.status },
  });
}
