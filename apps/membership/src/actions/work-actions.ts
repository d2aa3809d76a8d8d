import { ErasePerson } from '@cohort/common';
import { registryLookup, WorkCommand } from '@cohort/messaging';

/** membership's participant actions by id: adding one is its folder plus one line here. */
export const workAction = registryLookup<WorkCommand>({
  'erase-person': ErasePerson,
});
