import { skippedBecause } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { enrolmentIn, nextAttempt, replaceEnrolment } from '../../learners/learner';
import { changed, LearnerDecision, settledAlready, Subject } from '../learner-decision';

/**
 * Pure: one person takes the course again. The current attempt (started or finished) moves to the
 * enrolment's history and the next attempt starts: status enrolled, no completion. An enrolment nobody
 * started has nothing to retake. `before` is the status of the attempt that moved to history.
 */
export function decideRetakeCourse(s: Subject, courseId: string, now: Date): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const enrolment = enrolmentIn(s.learner, courseId);
  if (!enrolment) return skippedBecause(s.userId, LEARNING.NOT_ENROLLED, `not enrolled in ${courseId}`, null);
  if (enrolment.status === 'enrolled') return skippedBecause(s.userId, LEARNING.NOT_STARTED, `has not started ${courseId} yet`, enrolment.status);
  const next = nextAttempt(enrolment, now, undefined);
  return changed(s, {
    before: enrolment.status,
    update: { $set: { enrolments: replaceEnrolment(s.learner, next) } },
    preview: { before: { status: enrolment.status, attempt: enrolment.attempt }, after: { status: next.status, attempt: next.attempt } },
  });
}
