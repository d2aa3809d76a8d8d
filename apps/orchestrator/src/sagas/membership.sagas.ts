import { defineSaga, singleStep, step } from './define-saga';

export const membershipSagas = [
  defineSaga(
    'add-to-groups',
    [step('membership', 'add-to-groups', { keepsBefore: true, compensate: 'remove-from-groups' }), step('learning', 'auto-enrol')],
    // exact undo: out of the groups the job added, and the enrolments it made that nobody has started
    { inverse: (_p, before, jobId) => inverseOf(before, 'undo-add-to-groups', { undoOf: jobId }) },
  ),
  // exact undo: back into the groups, without a second auto-enrolment (restore-groups enrols nobody)
  singleStep('membership', 'remove-from-groups', (_p, before) => inverseOf(before, 'restore-groups')),
  singleStep('membership', 'add-share'),
  /** participant-only: the undo of add-to-groups (membership reads groupIds, learning undoOf) */
  defineSaga('undo-add-to-groups', [step('membership', 'remove-from-groups'), step('learning', 'remove-auto-enrolments')], {
    notice: 'the enrolments its auto-enrolment made are removed too, except those the person has started or finished',
  }),
  /** participant-only: the undo of remove-from-groups */
  singleStep('membership', 'restore-groups', undefined, 'nobody is auto-enrolled again: no course starts over'),
];

/** membership reports as `before` the group ids the step actually changed for that person. */
function inverseOf(before: unknown, action: string, extra: Record<string, unknown> = {}) {
  const groupIds = Array.isArray(before) ? before.map(String) : [];
  return groupIds.length ? { action, params: { groupIds, ...extra } } : undefined;
}
