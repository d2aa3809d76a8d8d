import { defineSaga, InverseJob, singleStep, step } from './define-saga';

/** The same action with the person's prior value of one parameter (nothing to restore when there was none). */
const restore =
  (action: string, key: string) =>
  (params: Record<string, unknown>, before: unknown): InverseJob | undefined =>
    before === undefined || before === null ? undefined : { action, params: { ...params, [key]: before } };

export const learningSagas = [
  defineSaga('enrol', [step('learning', 'enrol'), step('communications', 'send-enrolled')]),
  singleStep('learning', 'withdraw'),
  defineSaga('add-task', [step('learning', 'add-task'), step('communications', 'send-task-assigned')]),
  defineSaga('assign-certificate', [step('learning', 'assign-certificate'), step('communications', 'send-certificate-awarded')]),
  singleStep('learning', 'download-certificates'),
  singleStep('learning', 'retake-course'),
  singleStep('learning', 'set-deadline', restore('set-deadline', 'deadline')),
  singleStep('learning', 'set-participation-status', restore('set-participation-status', 'status')),
  singleStep('learning', 'share-content'),
];
