import { workController } from '@cohort/messaging';
import { workAction } from './actions/work-actions';

/** identity's work topic: a work chunk becomes its action's command, the outcomes one result message; nothing else. */
export const IdentityKafkaController = workController('identity', (actionId) => workAction(actionId)?.command);
