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
  /** another delivery of the same chunk is sending this message right now */
  SEND_IN_PROGRESS: 'COMMUNICATIONS.SEND_IN_PROGRESS',
} as const;
export type CommunicationsCode = (typeof COMMUNICATIONS)[keyof typeof COMMUNICATIONS];
