import { z } from 'zod';
import { EntityId } from '@cohort/contracts';
import { Enrolment, enrolmentsOf } from '../../learners/learner';
import { changed, LearnerDecision, settledAlready, Subject } from '../learner-decision';

/**
 * Params of the participant-only `remove-auto-enrolments`, the second step of add-to-groups' undo: the job
 * undone (`undoOf`); `groupIds` is membership's (the groups the job added, per person).
 */
export const RemoveAutoEnrolmentsParams = z.strictObject({ undoOf: z.string().min(1).max(128), groupIds: z.array(EntityId).optional() });
export type RemoveAutoEnrolmentsParams = z.infer<typeof RemoveAutoEnrolmentsParams>;

/** The previous attempt back as the current one (an auto-enrolment restarted a finished course). */
function previousAttempt(e: Enrolment): Enrolment | undefined {
  const past = e.history?.at(-1);
  if (!past) return undefined;
  const { autoBy: _autoBy, completedAt: _c, history, ...rest } = e;
  return { ...rest, ...past, history: history!.slice(0, -1) };
}

/**
 * Pure: takes back the attempts the add-to-groups job `undoOf` started by auto-enrolment and that nobody has
 * started since (still `enrolled`): a new enrolment goes; a finished course it restarted gets its finished
 * attempt back. Anything begun, or started by another job, stays. `before` is the course ids taken back.
 */
export function decideRemoveAutoEnrolments(s: Subject, params: RemoveAutoEnrolmentsParams): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const current = enrolmentsOf(s.learner);
  const untouched = (e: Enrolment) => e.autoBy === params.undoOf && e.status === 'enrolled';
  const taken = current.filter(untouched).map((e) => e.courseId);
  if (taken.length === 0) return { outcome: { userId: s.userId, status: 'succeeded' }, preview: { before: [], after: [] } };
  const enrolments = current.flatMap((e) => (untouched(e) ? (previousAttempt(e) ?? []) : [e]));
  return changed(s, { before: taken, update: { $set: { enrolments } }, preview: { before: taken, after: [] } });
}
