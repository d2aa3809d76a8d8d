import { PersonDataLocation } from '@cohort/common';

/** Everything communications holds about a person: erased by the delete saga's `erase-person` step. */
export const COMMUNICATIONS_PERSON_DATA: readonly PersonDataLocation[] = [
  { collection: 'notifications', field: 'userId' },
  { collection: 'outbox', field: 'userId' },
  { collection: 'outbox_by_person', field: 'userId' },
];
