import { actionById, Preview } from '@cohort/contracts';
import { Job } from '../jobs/job.schema';
import { sagaFor } from '../sagas';

/**
 * The UNDO warning leading an undo's preview, in one sentence: which job it undoes, that each person it
 * changed gets their prior value back, what the inverse does besides (its saga's notice: removing the
 * auto-enrolments, enrolling nobody again) and what it cannot bring back (the action's `undoLeaves`).
 */
export function undoWarning(job: Pick<Job, 'action'>, inverseAction: string): Preview['warnings'][number] {
  const action = actionById(job.action);
  const title = action?.title ?? job.action;
  const besides = sagaFor(inverseAction)?.notice;
  const leaves = action?.undoLeaves;
  const message = [
    `this undoes the ${title.toLowerCase()} job: each person it changed gets their prior value back`,
    ...(besides ? [besides] : []),
    ...(leaves ? [`it does not bring back ${leaves}`] : []),
  ].join('; ');
  return { code: 'UNDO', message };
}
