import { skippedBecause } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { enrolmentsOf, isFinished, withdrawnOf } from '../../learners/learner';
import { changed, LearnerDecision, settledAlready, Subject } from '../learner-decision';

/**
 * Pure: withdrawing one person from `targets` (the requested courses, a path's or series' own courses
 * included): their access ends. Open enrolments are removed with their progress; a finished one (completed,
 * passed, failed) moves to the person's withdrawn records, so the attempt stays in their history and reports.
 * `before` is the course ids withdrawn from; `data.finished` names those the person had finished.
 */
export function decideWithdraw(s: Subject, targets: readonly string[], now: Date): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const current = enrolmentsOf(s.learner);
  const enrolled = current.filter((e) => targets.includes(e.courseId));
  if (enrolled.length === 0) return skippedBecause(s.userId, LEARNING.NOT_ENROLLED, 'not enrolled in any of the courses', []);
  const withdrawn = enrolled.map((e) => e.courseId);
  const finished = enrolled.filter(isFinished);
  return changed(s, {
    before: withdrawn,
    update: {
      $set: {
        enrolments: current.filter((e) => !withdrawn.includes(e.courseId)),
        ...(finished.length && { withdrawn: [...withdrawnOf(s.learner), ...finished.map((e) => ({ ...e, withdrawnAt: now }))] }),
      },
    },
    preview: { before: withdrawn, after: [] },
    ...(finished.length && { data: { finished: finished.map((e) => e.courseId) } }),
  });
}
