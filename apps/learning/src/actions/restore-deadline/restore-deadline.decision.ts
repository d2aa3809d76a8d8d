import { z } from 'zod';
import { EntityId, IsoDate } from '@cohort/contracts';
import { skippedBecause } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { enrolmentIn, isoDay } from '../../learners/learner';
import { LearnerDecision, settledAlready, Subject } from '../learner-decision';
import { deadlineChange } from '../set-deadline/set-deadline.decision';

/** Params of the participant-only `restore-deadline` (the undo of set-deadline): the prior deadline, null for none. */
export const RestoreDeadlineParams = z.strictObject({ courseId: EntityId, deadline: IsoDate.nullable() });
export type RestoreDeadlineParams = z.infer<typeof RestoreDeadlineParams>;

/**
 * Pure: puts one person's deadline for the course back exactly as it was (null removes it), whatever the
 * enrolment's status is now. `before` is the deadline it replaces.
 */
export function decideRestoreDeadline(s: Subject, params: RestoreDeadlineParams): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const enrolment = enrolmentIn(s.learner, params.courseId);
  if (!enrolment) return skippedBecause(s.userId, LEARNING.NOT_ENROLLED, `not enrolled in ${params.courseId}`, null);
  const current = isoDay(enrolment.deadline);
  if (current === params.deadline)
    return skippedBecause(s.userId, LEARNING.UNCHANGED, `the deadline is already ${params.deadline ?? 'none'}`, current);
  return deadlineChange(s, enrolment, params.deadline);
}
