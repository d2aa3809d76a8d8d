import { ErasePerson } from '@cohort/common';
import { registryLookup, WorkCommand } from '@cohort/messaging';
import { HoldMessages } from './hold-messages/hold-messages.handler';

/** communications' participant actions by id: adding one is its folder plus one line here. */
export const workAction = registryLookup<WorkCommand>({
  'erase-person': ErasePerson,
  'hold-messages': HoldMessages,
});
