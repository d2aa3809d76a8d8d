import { ErasePerson } from '@cohort/common';
import { workRegistry } from '@cohort/messaging';
import { AddShare, AddShareHandler } from './add-share/add-share.handler';
import { AddToGroups, AddToGroupsHandler } from './add-to-groups/add-to-groups.handler';
import { RemoveFromGroups, RemoveFromGroupsHandler } from './remove-from-groups/remove-from-groups.handler';
import { RestoreGroups, RestoreGroupsHandler } from './restore-groups/restore-groups.handler';

/** membership's work actions by action id (catalogue actions and participant-only saga steps): a folder plus one line here. */
export const MEMBERSHIP_WORK = workRegistry({
  'erase-person': { command: ErasePerson },
  'add-to-groups': { command: AddToGroups, handler: AddToGroupsHandler },
  /** also add-to-groups' compensation (step >= COMPENSATION_STEP_OFFSET) */
  'remove-from-groups': { command: RemoveFromGroups, handler: RemoveFromGroupsHandler },
  /** participant-only: the undo of remove-from-groups (back into the groups, no auto-enrolment) */
  'restore-groups': { command: RestoreGroups, handler: RestoreGroupsHandler },
  'add-share': { command: AddShare, handler: AddShareHandler },
});
