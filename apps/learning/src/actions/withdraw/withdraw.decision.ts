import { skippedBecause } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { enrolmentsOf, isFinished } from '../../learners/learner';
import { changed, LearnerDecision, settledAlready, Subject } from '../learner-decision';

/**
 * Pure: withdrawing one person from `targets` (the requested courses, a path's or series' own courses
 * included). Open enrolments of those courses are removed with their progress; finished ones stay, the
 * permanent record. `before` is the course ids withdrawn from.
 */
export function decideWithdraw(s: Subject, targets: readonly string[]): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const current = enrolmentsOf(s.learner);
  const enrolled = current.filter((e) => targets.includes(e.courseId));
  if (enrolled.length === 0) return skippedBecause(s.userId, LEARNING.NOT_ENROLLED, 'not enrolled in any of the courses', []);
  const withdrawn = enrolled.filter((e) => !isFinished(e)).map((e) => e.courseId);
  if (withdrawn.length === 0) {
    return skippedBecause(
      s.userId,
      LEARNING.ALREADY_COMPLETED,
      'finished the courses already: their record stays',
      enrolled.map((e) => e.courseId),
    );
  }
  return changed(s, {
    before: withdrawn,
    update: { $set: { enrolments: current.filter((e) => !withdrawn.includes(e.courseId)) } },
    preview: { before: withdrawn, after: [] },
  });
}
