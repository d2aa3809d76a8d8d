import { LearningMail } from '@cohort/contracts';
import { failedBecause, skippedBecause } from '@cohort/messaging';
import { CourseDoc, CourseTargets } from '../../catalogue/catalogue';
import { LEARNING } from '../../learning.errors';
import { Enrolment, enrolmentIn, isFinished, isInactive } from '../../learners/learner';
import { changed, inactive, LearnerDecision, settledAlready, Subject } from '../learner-decision';

export interface EnrolContext {
  /** the requested ids, in order */
  requested: readonly string[];
  /** what they stand for: each id, then the courses of a path or series (courseTargets) */
  targets: CourseTargets;
  /** the catalogue entries of the targets, by course id */
  catalogue: ReadonlyMap<string, CourseDoc>;
  now: Date;
}

/**
 * Pure: what enrolling one person means. Every target course they have no enrolment in gets one (attempt 1,
 * manual); an open or finished enrolment stays as it is (a finished course is taken again with
 * retake-course). `before` is the course ids newly enrolled; `data` the e-mail step's LearningMail with the
 * titles of the requested courses or paths something was enrolled for.
 */
export function decideEnrol(s: Subject, ctx: EnrolContext): LearnerDecision {
  const settled = settledAlready(s, (before) => enrolledMail(before, ctx));
  if (settled) return settled;
  if (ctx.targets.missing) return failedBecause(s.userId, LEARNING.COURSE_NOT_FOUND, ctx.targets.missing.message);
  if (isInactive(s.person!)) return inactive(s);
  const existing = ctx.targets.targets.filter((id) => enrolmentIn(s.learner, id));
  const added = ctx.targets.targets.filter((id) => !existing.includes(id));
  if (added.length === 0) {
    const allFinished = existing.every((id) => isFinished(enrolmentIn(s.learner, id)!));
    return allFinished
      ? skippedBecause(s.userId, LEARNING.ALREADY_COMPLETED, 'finished every course already (retake-course starts a new attempt)', existing)
      : skippedBecause(s.userId, LEARNING.ALREADY_ENROLLED, 'enrolled in every course already', existing);
  }
  const enrolments = added.map((courseId): Enrolment => ({ courseId, status: 'enrolled', attempt: 1, enrolledAt: ctx.now, source: 'manual' }));
  return changed(s, {
    before: added,
    update: { $push: { enrolments: { $each: enrolments } } },
    preview: { before: existing, after: [...existing, ...added] },
    data: enrolledMail(added, ctx),
  });
}

/** The e-mail step's data: the titles of the requested courses or paths something was newly enrolled for. */
export function enrolledMail(added: unknown, ctx: EnrolContext): LearningMail | undefined {
  const ids = Array.isArray(added) ? added : [];
  const requested = ctx.requested.filter((id) => ids.some((courseId) => ctx.targets.requestedBy.get(courseId)?.includes(id)));
  const courseTitles = requested.map((id) => ctx.catalogue.get(id)?.title ?? id);
  return courseTitles.length > 0 ? { kind: 'enrolled', courseTitles } : undefined;
}
