/** Stable codes of learning's per-person skips and failures and of its HTTP errors (mapped to HTTP or events only at the edge). */
export const LEARNING = {
  /** the person does not exist in the tenant (an id of another tenant included) */
  NOT_FOUND: 'LEARNING.NOT_FOUND',
  /** identity could not say who the people are right now: retried */
  IDENTITY_UNAVAILABLE: 'LEARNING.IDENTITY_UNAVAILABLE',
  /** learning's store did not answer: retried */
  STORE_UNAVAILABLE: 'LEARNING.STORE_UNAVAILABLE',
  /** a work chunk's params (or a person's step data) that do not fit the action (the message names the field) */
  INVALID_PARAMS: 'LEARNING.INVALID_PARAMS',
  UNKNOWN_ACTION: 'LEARNING.UNKNOWN_ACTION',
  /** a course, learning path or series id the tenant's catalogue does not have */
  COURSE_NOT_FOUND: 'LEARNING.COURSE_NOT_FOUND',
  /** a content item, channel or learnlist the tenant does not have */
  CONTENT_NOT_FOUND: 'LEARNING.CONTENT_NOT_FOUND',
  /** deactivated, archived or being deleted: nothing new is given to them */
  PERSON_INACTIVE: 'LEARNING.PERSON_INACTIVE',
  /** enrol: every course is an open enrolment of theirs already */
  ALREADY_ENROLLED: 'LEARNING.ALREADY_ENROLLED',
  /** the enrolment is finished (completed, passed, failed): the permanent record is not changed by this action (undecided is still open) */
  ALREADY_COMPLETED: 'LEARNING.ALREADY_COMPLETED',
  /** the person has no enrolment in the course */
  NOT_ENROLLED: 'LEARNING.NOT_ENROLLED',
  /** retake-course of an enrolment nobody started yet: there is nothing to retake */
  NOT_STARTED: 'LEARNING.NOT_STARTED',
  /** the value is already what the action sets */
  UNCHANGED: 'LEARNING.UNCHANGED',
  /** share-content: every item is shared with the person already */
  ALREADY_SHARED: 'LEARNING.ALREADY_SHARED',
  /** a request path parameter, query or body that does not fit the contract */
  INVALID_REQUEST: 'LEARNING.INVALID_REQUEST',
} as const;
export type LearningCode = (typeof LEARNING)[keyof typeof LEARNING];
