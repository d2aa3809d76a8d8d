import { UpdateFilter } from 'mongodb';
import { PersonView } from '@cohort/contracts';
import { appliedOp } from '@cohort/common';
import { Decision, personNotFound, replayedOp, skippedBecause } from '@cohort/messaging';
import { LEARNING } from '../learning.errors';
import { LearnerDoc } from '../learners/learner';
import { LearnerUpdate } from '../learners/learners.repository';

/** What a learning action decides for one person: the outcome and, for a change, the write to their learners document. */
export type LearnerDecision = Decision<LearnerUpdate>;

/** Everything a learning decision sees about one person of a chunk. */
export interface Subject {
  userId: string;
  /** the person as identity knows them; absent: not in the tenant */
  person: PersonView | undefined;
  /** their learners document; absent: learning knows nothing about them yet */
  learner: LearnerDoc | undefined;
  /** op key of this (job, step), or DRY_RUN_KEY */
  key: string;
}

/**
 * Pure: the checks every learning action makes first. Someone identity does not know (another tenant's
 * id included) is NOT_FOUND; a (job, step) applied to the person already is the same success again, with
 * the stored `before` and the step data `dataOf(before)` rebuilt from it, and no write.
 */
export function settledAlready(s: Subject, dataOf?: (before: unknown) => Record<string, unknown> | undefined): LearnerDecision | undefined {
  if (!s.person) return personNotFound('learning', s.userId);
  const op = appliedOp(s.learner, s.key);
  if (op) return replayedOp(s.userId, op.b, dataOf?.(op.b));
  return undefined;
}

/** Deactivated, archived or being deleted: nothing new is given to them. */
export function inactive(s: Subject): LearnerDecision {
  return skippedBecause(s.userId, LEARNING.PERSON_INACTIVE, `the person is ${s.person?.status}: nothing new is given to them`);
}

/**
 * A change to the person's learners document: succeeded with `before` (kept in the op marker for a
 * redelivery), the step `data` for the next saga step, and before → after for the preview.
 */
export function changed(
  s: Subject,
  change: { before: unknown; update: UpdateFilter<LearnerDoc>; preview: { before: unknown; after: unknown }; data?: Record<string, unknown> },
): LearnerDecision {
  const { before, update, preview, data } = change;
  return {
    outcome: { userId: s.userId, status: 'succeeded', ...(before !== undefined && { before }), ...(data && { data }) },
    change: { userId: s.userId, update, op: before === undefined ? { k: s.key } : { k: s.key, b: before } },
    preview,
  };
}
