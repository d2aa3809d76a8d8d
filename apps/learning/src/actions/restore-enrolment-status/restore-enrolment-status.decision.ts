import { z } from 'zod';
import { EnrolmentStatus, EntityId, IsoDateTime } from '@cohort/contracts';
import { skippedBecause } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { Enrolment, enrolmentIn, isFinished } from '../../learners/learner';
import { LearnerDecision, settledAlready, Subject } from '../learner-decision';
import { statusChange } from '../set-participation-status/set-participation-status.decision';

/**
 * Params of the participant-only `restore-enrolment-status` (the undo of set-participation-status): the
 * prior status and, if known, the prior completion (an ISO date-time, or null for none).
 */
export const RestoreEnrolmentStatusParams = z.strictObject({
  courseId: EntityId,
  status: EnrolmentStatus,
  completedAt: IsoDateTime.nullable().optional(),
});
export type RestoreEnrolmentStatusParams = z.infer<typeof RestoreEnrolmentStatusParams>;

/**
 * Pure: puts one person's enrolment status back. The completion follows `completedAt` when given (null
 * removes it); otherwise an open status (enrolled, in progress) has none and a finished one keeps the
 * one it has. `before` is the status it replaces.
 */
export function decideRestoreEnrolmentStatus(s: Subject, params: RestoreEnrolmentStatusParams): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const enrolment = enrolmentIn(s.learner, params.courseId);
  if (!enrolment) return skippedBecause(s.userId, LEARNING.NOT_ENROLLED, `not enrolled in ${params.courseId}`, null);
  const next = restored(enrolment, params);
  if (next.status === enrolment.status && timeOf(next.completedAt) === timeOf(enrolment.completedAt)) {
    return skippedBecause(s.userId, LEARNING.UNCHANGED, `the status is already ${params.status}`, enrolment.status);
  }
  return statusChange(s, enrolment, next);
}

function restored(enrolment: Enrolment, params: RestoreEnrolmentStatusParams): Enrolment {
  const { completedAt: current, ...rest } = enrolment;
  const completedAt =
    params.completedAt !== undefined
      ? params.completedAt === null
        ? undefined
        : new Date(params.completedAt)
      : isFinished(params)
        ? current
        : undefined;
  return { ...rest, status: params.status, ...(completedAt && { completedAt }) };
}

const timeOf = (date: Date | undefined) => (date ? new Date(date).getTime() : undefined);
