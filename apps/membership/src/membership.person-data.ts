import { PersonDataLocation } from '@cohort/common';

/** Everything membership holds about a person: erased by the delete saga's `erase-person` step. */
export const MEMBERSHIP_PERSON_DATA: readonly PersonDataLocation[] = [
  /** the person's own document: their teams and groups, who they are shared with, op markers */
  { collection: 'memberships', field: 'userId' },
  /** a manager who is erased disappears from the people shared with them */
  { collection: 'memberships', field: 'sharedWith', mode: 'pull' },
  /** and from the teams they managed */
  { collection: 'groups', field: 'managerUserIds', mode: 'pull' },
];
