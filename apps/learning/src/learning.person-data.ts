import { PersonDataLocation } from '@cohort/common';

/**
 * Everything learning holds about a person: erased by the delete saga's `erase-person` step. The person's
 * `learners` document holds enrolments, tasks, event enrolments and content shares; certificate records
 * live in `certificates`, their PDFs in the GridFS bucket `certificate_files` (erased with them).
 */
export const LEARNING_PERSON_DATA: readonly PersonDataLocation[] = [
  { collection: 'learners', field: 'userId' },
  { collection: 'certificates', field: 'userId' },
];
