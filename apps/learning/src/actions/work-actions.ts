import { ErasePerson } from '@cohort/common';
import { registryLookup, WorkCommand } from '@cohort/messaging';
import { RemoveTemporaryData } from './remove-temporary-data/remove-temporary-data.handler';

/** learning's participant actions by id: adding one is its folder plus one line here. */
export const workAction = registryLookup<WorkCommand>({
  'erase-person': ErasePerson,
  'remove-temporary-data': RemoveTemporaryData,
});
