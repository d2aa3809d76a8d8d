import { PersonDataLocation } from '@cohort/common';

/** Everything membership holds about a person: erased by the delete saga's `erase-person` step. */
export const MEMBERSHIP_PERSON_DATA: readonly PersonDataLocation[] = [
  { collection: 'memberships', field: 'userId' },
  { collection: 'shares', field: 'userId' },
  { collection: 'shares', field: 'managerId' },
];
