import { defineSaga, InverseJob, singleStep, step } from './define-saga';

/**
 * Exact undo of a per-course value: the participant-only restore action with the person's prior value.
 * `before` is `{[key]: value}` (value null: there was none, so the restore removes it) or the bare value.
 */
const restore =
  (action: string, key: string) =>
  (params: Record<string, unknown>, before: unknown): InverseJob | undefined => {
    const value = before !== null && typeof before === 'object' && key in before ? (before as Record<string, unknown>)[key] : before;
    return value === undefined ? undefined : { action, params: { courseId: params.courseId, [key]: value } };
  };

/** The undo of set-participation-status puts back the status and the completion date it replaced (null: none). */
const restoreStatus = (params: Record<string, unknown>, before: unknown): InverseJob | undefined => {
  const job = restore('restore-enrolment-status', 'status')(params, before);
  if (!job || before === null || typeof before !== 'object' || !('completedAt' in before)) return job;
  const completedAt = (before as { completedAt?: unknown }).completedAt;
  return { ...job, params: { ...job.params, completedAt: completedAt ?? null } };
};

export const learningSagas = [
  defineSaga('enrol', [step('learning', 'enrol'), step('communications', 'send-enrolled')]),
  singleStep('learning', 'withdraw'),
  defineSaga('add-task', [step('learning', 'add-task'), step('communications', 'send-task-assigned')]),
  defineSaga('assign-certificate', [step('learning', 'assign-certificate'), step('communications', 'send-certificate-awarded')]),
  singleStep('learning', 'download-certificates'),
  singleStep('learning', 'retake-course'),
  singleStep('learning', 'set-deadline', restore('restore-deadline', 'deadline')),
  singleStep('learning', 'set-participation-status', restoreStatus),
  singleStep('learning', 'share-content'),
  /** participant-only: the exact undo of set-deadline (deadline null removes it) and of set-participation-status */
  singleStep('learning', 'restore-deadline'),
  singleStep('learning', 'restore-enrolment-status'),
];
