/** Stable codes of identity's per-person skips and failures and of its HTTP errors (mapped to HTTP or events only at the edge). */
export const IDENTITY = {
  NOT_FOUND: 'IDENTITY.NOT_FOUND',
  INVALID_PARAMS: 'IDENTITY.INVALID_PARAMS',
  UNCHANGED: 'IDENTITY.UNCHANGED',
  SELF: 'IDENTITY.SELF',
  LAST_OWNER: 'IDENTITY.LAST_OWNER',
  UNKNOWN_ACTION: 'IDENTITY.UNKNOWN_ACTION',
  /** resend/cancel invitation of someone who activated their account already */
  ALREADY_ACTIVE: 'IDENTITY.ALREADY_ACTIVE',
  /** cancel invitation of someone whose invitation was cancelled already */
  NOT_INVITED: 'IDENTITY.NOT_INVITED',
  /** a status change that does not apply to the person's current status (e.g. reactivate an active person) */
  WRONG_STATUS: 'IDENTITY.WRONG_STATUS',
  /** access-code reset of an account that signs in by e-mail */
  NOT_ANONYMOUS: 'IDENTITY.NOT_ANONYMOUS',
  /** invite-users: the e-mail address belongs to someone in the tenant already */
  EMAIL_EXISTS: 'IDENTITY.EMAIL_EXISTS',
  /** invite-users: a row of the uploaded file that does not validate (the message names the column) */
  INVALID_ROW: 'IDENTITY.INVALID_ROW',
  /** invite-users: no invitee in the params or the import for this user id */
  NO_INVITEE: 'IDENTITY.NO_INVITEE',
  /** a token (invitation, password reset) that is malformed, unknown, replaced, cancelled or used */
  TOKEN_INVALID: 'IDENTITY.TOKEN_INVALID',
  /** a password-reset token past its expiry */
  TOKEN_EXPIRED: 'IDENTITY.TOKEN_EXPIRED',
  /** invitation or password reset of an anonymous account, which signs in with an access code, not by e-mail */
  ANONYMOUS_ACCOUNT: 'IDENTITY.ANONYMOUS_ACCOUNT',
  /** an uploaded file that cannot be read as CSV or XLSX, or has no e-mail column */
  IMPORT_UNREADABLE: 'IDENTITY.IMPORT_UNREADABLE',
  /** an uploaded file over the size or row limit */
  IMPORT_TOO_LARGE: 'IDENTITY.IMPORT_TOO_LARGE',
  /** export-csv: the job recorded nobody (no such export job of the tenant) */
  NO_ARTIFACT: 'IDENTITY.NO_ARTIFACT',
  /** export-csv: membership cannot name the teams and groups now; the download can be tried again */
  MEMBERSHIP_UNAVAILABLE: 'IDENTITY.MEMBERSHIP_UNAVAILABLE',
  /** a request body, path parameter or cursor that does not fit the contract */
  INVALID_REQUEST: 'IDENTITY.INVALID_REQUEST',
} as const;
export type IdentityCode = (typeof IDENTITY)[keyof typeof IDENTITY];

/** A request identity cannot answer: a stable code, a plain message and the field at fault, if one. */
export class IdentityError extends Error {
  constructor(
    readonly code: IdentityCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
