import { defineSaga, singleStep, step } from './define-saga';

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
/** what `add-labels` really added (the person may have had some already), and vice versa */
const added = (params: Record<string, unknown>, key: string, before: unknown) => asList(params[key]).filter((x) => !asList(before).includes(x));
const removed = (params: Record<string, unknown>, key: string, before: unknown) => asList(params[key]).filter((x) => asList(before).includes(x));

export const identitySagas = [
  defineSaga('resend-invitation', [step('identity', 'resend-invitation'), step('communications', 'send-invitation')]),
  singleStep('identity', 'cancel-invitation'),
  defineSaga('invite-users', [step('identity', 'invite-users'), step('communications', 'send-invitation')]),
  defineSaga('send-password-reset', [step('identity', 'send-password-reset'), step('communications', 'send-password-reset')]),
  singleStep('identity', 'change-role', (_p, before) => ({ action: 'change-role', params: { role: before } })),
  singleStep('identity', 'change-language', (_p, before) => ({ action: 'change-language', params: { language: before } })),
  defineSaga(
    'deactivate',
    [
      step('identity', 'deactivate', { compensate: 'reactivate', keepsBefore: true }),
      step('learning', 'remove-temporary-data'),
      step('communications', 'hold-messages'),
    ],
    { inverse: () => ({ action: 'reactivate', params: {} }) },
  ),
  singleStep('identity', 'reactivate', () => ({ action: 'deactivate', params: {} })),
  defineSaga('delete', [
    step('identity', 'mark-pending-deletion', { compensate: 'unmark-pending-deletion' }),
    step('membership', 'erase-person'),
    step('learning', 'erase-person'),
    step('communications', 'erase-person'),
    step('identity', 'erase-person'),
  ]),
  singleStep('identity', 'archive-profile', () => ({ action: 'reactivate-profile', params: {} })),
  singleStep('identity', 'reactivate-profile', () => ({ action: 'archive-profile', params: {} })),
  singleStep('identity', 'add-labels', (p, before) => {
    const labels = added(p, 'labels', before);
    return labels.length ? { action: 'remove-labels', params: { labels } } : undefined;
  }),
  singleStep('identity', 'remove-labels', (p, before) => {
    const labels = removed(p, 'labels', before);
    return labels.length ? { action: 'add-labels', params: { labels } } : undefined;
  }),
  singleStep('identity', 'add-specialisms', (_p, before) => ({ action: 'set-specialisms', params: { specialisms: asList(before) } })),
  singleStep('identity', 'update-properties'),
  singleStep('identity', 'export-csv'),
  /** participant-only: the inverse of add-specialisms (not offered in the catalogue) */
  singleStep('identity', 'set-specialisms'),
];
