/** Stable codes of communications' per-person skips and failures. */
export const COMMUNICATIONS = {
  /** the e-mail step got no usable TokenMail for the person from the previous step (not retryable) */
  NO_MAIL_DATA: 'COMMUNICATIONS.NO_MAIL_DATA',
  /** the SMTP server could not be reached or answered 4xx: worth retrying */
  SMTP_UNAVAILABLE: 'COMMUNICATIONS.SMTP_UNAVAILABLE',
  /** the SMTP server refused the message for good (5xx, e.g. an unknown recipient) */
  MAIL_REFUSED: 'COMMUNICATIONS.MAIL_REFUSED',
  /** the message was held (the person was deactivated) before it went out */
  MESSAGE_HELD: 'COMMUNICATIONS.MESSAGE_HELD',
  /** held back by the e-mail send rate: sent shortly, the person's outcome follows then (not an error) */
  DEFERRED: 'COMMUNICATIONS.DEFERRED',
  /** another delivery of the same chunk is sending this message right now */
  SEND_IN_PROGRESS: 'COMMUNICATIONS.SEND_IN_PROGRESS',
  /** the store could not be read or written: worth retrying (what storeFailure reports) */
  STORE_UNAVAILABLE: 'COMMUNICATIONS.STORE_UNAVAILABLE',
  /** the step's parameters fail the action's schema */
  INVALID_PARAMS: 'COMMUNICATIONS.INVALID_PARAMS',
  /** no such person in the tenant (identity), or no such notification of the person */
  NOT_FOUND: 'COMMUNICATIONS.NOT_FOUND',
  /** the person is deactivated, archived or being deleted: they do not sign in, so no message reaches them */
  NOT_REACHABLE: 'COMMUNICATIONS.NOT_REACHABLE',
  /** identity could not say who the person is right now: worth retrying */
  IDENTITY_UNAVAILABLE: 'COMMUNICATIONS.IDENTITY_UNAVAILABLE',
} as const;
export type CommunicationsCode = (typeof COMMUNICATIONS)[keyof typeof COMMUNICATIONS];
