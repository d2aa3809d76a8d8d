import { singleStep } from './define-saga';

export const communicationsSagas = [singleStep('communications', 'send-notification')];
