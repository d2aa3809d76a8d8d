import { z } from 'zod';
import { EntityId, issueField } from '@cohort/contracts';
import { failedBecause } from '@cohort/messaging';
import { CourseDoc, courseTargets } from '../../catalogue/catalogue';
import { LEARNING } from '../../learning.errors';
import { Enrolment, enrolmentsOf, isFinished, nextAttempt } from '../../learners/learner';
import { changed, LearnerDecision, settledAlready, Subject } from '../learner-decision';

/** What membership's add-to-groups step hands each person (WorkChunk.data): the auto-enrolment targets of the groups they joined. */
export const AutoEnrolData = z.object({
  autoEnrol: z.object({ courseIds: z.array(EntityId).max(1000), groupIds: z.array(EntityId).optional() }).optional(),
});

/** A person's target course ids from their step data, or what is wrong with it (naming the field). */
export type AutoEnrolRequest = { courseIds: string[] } | { problem: string };

/** Pure: the course ids the previous step handed a person (none when it handed nothing). */
export function autoEnrolRequest(data: unknown): AutoEnrolRequest {
  const parsed = AutoEnrolData.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `${issueField(issue, ['data'])}: ${issue.message}` };
  }
  return { courseIds: [...new Set(parsed.data.autoEnrol?.courseIds ?? [])] };
}

/**
 * Pure: the auto-enrolment of one person (add-to-groups' learning step). Unlike enrol it enrols even in a
 * course finished before: that attempt moves to the enrolment's history and attempt + 1 starts (status
 * enrolled, source auto). An open enrolment is left as it is; no targets is a success without change. A
 * course the catalogue lacks fails the person (not retryable), so the saga takes them out of the group again.
 * `before` is the course ids this step enrolled (new or restarted).
 */
export function decideAutoEnrol(
  s: Subject,
  request: AutoEnrolRequest,
  catalogue: ReadonlyMap<string, CourseDoc>,
  now: Date,
  /** the add-to-groups job: recorded on each attempt it starts (`autoBy`), so its undo takes back exactly those */
  jobId?: string,
): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  if ('problem' in request) return failedBecause(s.userId, LEARNING.INVALID_PARAMS, request.problem);
  const { targets, missing } = courseTargets(request.courseIds, catalogue);
  if (missing) return failedBecause(s.userId, LEARNING.COURSE_NOT_FOUND, missing.message);
  const current = enrolmentsOf(s.learner);
  const restarted = current.filter((e) => targets.includes(e.courseId) && isFinished(e)).map((e) => e.courseId);
  const added = targets.filter((id) => !current.some((e) => e.courseId === id));
  const open = targets.filter((id) => !added.includes(id) && !restarted.includes(id));
  if (added.length === 0 && restarted.length === 0)
    return { outcome: { userId: s.userId, status: 'succeeded' }, preview: { before: open, after: open } };
  const by = jobId ? { autoBy: jobId } : {};
  const fresh = added.map((courseId): Enrolment => ({ courseId, status: 'enrolled', attempt: 1, enrolledAt: now, source: 'auto', ...by }));
  const update =
    restarted.length === 0
      ? { $push: { enrolments: { $each: fresh } } }
      : { $set: { enrolments: [...current.map((e) => (restarted.includes(e.courseId) ? { ...nextAttempt(e, now, 'auto'), ...by } : e)), ...fresh] } };
  return changed(s, { before: [...restarted, ...added], update, preview: { before: open, after: targets } });
}
