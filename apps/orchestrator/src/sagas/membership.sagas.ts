import { defineSaga, singleStep, step } from './define-saga';

export const membershipSagas = [
  defineSaga(
    'add-to-groups',
    [step('membership', 'add-to-groups', { keepsBefore: true, compensate: 'remove-from-groups' }), step('learning', 'auto-enrol')],
    { inverse: (_p, before) => inverseOf(before, 'remove-from-groups') },
  ),
  singleStep('membership', 'remove-from-groups', (_p, before) => inverseOf(before, 'add-to-groups')),
  singleStep('membership', 'add-share'),
];

/** membership reports as `before` the group ids the step actually changed for that person. */
function inverseOf(before: unknown, action: string) {
  const groupIds = Array.isArray(before) ? before.map(String) : [];
  return groupIds.length ? { action, params: { groupIds } } : undefined;
}
