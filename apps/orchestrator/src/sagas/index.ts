import { ACTION_IDS } from '@cohort/contracts';
import { communicationsSagas } from './communications.sagas';
import { Saga } from './define-saga';
import { identitySagas } from './identity.sagas';
import { learningSagas } from './learning.sagas';
import { membershipSagas } from './membership.sagas';

export * from './define-saga';

/** Every saga by action id: one declarative definition per action of the catalogue (plus participant-only inverses). */
export const SAGAS: ReadonlyMap<string, Saga> = new Map(
  [...identitySagas, ...membershipSagas, ...learningSagas, ...communicationsSagas].map((s) => [s.action, s]),
);

export function sagaFor(action: string): Saga | undefined {
  return SAGAS.get(action);
}

/** Catalogue actions without a saga (a test keeps this empty). */
export function actionsWithoutSaga(): string[] {
  return ACTION_IDS.filter((id) => !SAGAS.has(id));
}
