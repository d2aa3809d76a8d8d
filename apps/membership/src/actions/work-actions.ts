import { ErasePerson } from '@cohort/common';
import { workRegistry } from '@cohort/messaging';

/** membership's work actions by action id (catalogue actions and participant-only saga steps): a folder plus one line here. */
export const MEMBERSHIP_WORK = workRegistry({
  'erase-person': { command: ErasePerson },
});
