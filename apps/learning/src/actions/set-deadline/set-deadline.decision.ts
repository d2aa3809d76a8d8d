import { skippedBecause } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { dayToDate, Enrolment, enrolmentIn, isFinished, isoDay, replaceEnrolment } from '../../learners/learner';
import { changed, LearnerDecision, settledAlready, Subject } from '../learner-decision';

/**
 * Pure: the deadline (`YYYY-MM-DD`) by which one person must finish the course. Only an open enrolment
 * gets one. `before` is `{deadline}`: the prior one as `YYYY-MM-DD`, or null when there was none (boxed,
 * so the engine keeps a "none" to restore); the undo (restore-deadline) puts exactly that back.
 */
export function decideSetDeadline(s: Subject, courseId: string, deadline: string): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const enrolment = enrolmentIn(s.learner, courseId);
  if (!enrolment) return skippedBecause(s.userId, LEARNING.NOT_ENROLLED, `not enrolled in ${courseId}`, null);
  const current = isoDay(enrolment.deadline);
  if (isFinished(enrolment)) return skippedBecause(s.userId, LEARNING.ALREADY_COMPLETED, `finished ${courseId} already`, current);
  if (current === deadline) return skippedBecause(s.userId, LEARNING.UNCHANGED, `the deadline is already ${deadline}`, current);
  return deadlineChange(s, enrolment, deadline, (prior) => ({ deadline: prior }));
}

/** The enrolment's deadline set to `deadline` (`YYYY-MM-DD`) or removed (null); `before` the prior one (`YYYY-MM-DD` or null), as `box` puts it. */
export function deadlineChange(
  s: Subject,
  enrolment: Enrolment,
  deadline: string | null,
  box: (prior: string | null) => unknown = (prior) => prior,
): LearnerDecision {
  const prior = isoDay(enrolment.deadline);
  const before = box(prior);
  const { deadline: _old, ...rest } = enrolment;
  const next: Enrolment = deadline === null ? rest : { ...rest, deadline: dayToDate(deadline) };
  return changed(s, {
    before,
    update: { $set: { enrolments: replaceEnrolment(s.learner, next) } },
    preview: { before: prior, after: deadline },
  });
}
