import { ErasePerson } from '@cohort/common';
import { workRegistry } from '@cohort/messaging';
import { RemoveTemporaryData, RemoveTemporaryDataHandler } from './remove-temporary-data/remove-temporary-data.handler';

/** learning's work actions by action id (catalogue actions and participant-only saga steps): a folder plus one line here. */
export const LEARNING_WORK = workRegistry({
  'erase-person': { command: ErasePerson },
  'remove-temporary-data': { command: RemoveTemporaryData, handler: RemoveTemporaryDataHandler },
});
