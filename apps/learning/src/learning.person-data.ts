import { PersonDataLocation } from '@cohort/common';

/** Everything learning holds about a person: erased by the delete saga's `erase-person` step. */
export const LEARNING_PERSON_DATA: readonly PersonDataLocation[] = [
  { collection: 'enrolments', field: 'userId' },
  { collection: 'tasks', field: 'userId' },
  { collection: 'certificates', field: 'userId' },
  { collection: 'content_shares', field: 'userId' },
  { collection: 'event_enrolments', field: 'userId' },
];
