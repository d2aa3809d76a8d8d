/** Stable codes of identity's per-person skips and failures and of its HTTP errors (mapped to HTTP or events only at the edge). */
export const IDENTITY = {
  NOT_FOUND: 'IDENTITY.NOT_FOUND',
  INVALID_PARAMS: 'IDENTITY.INVALID_PARAMS',
  UNCHANGED: 'IDENTITY.UNCHANGED',
  SELF: 'IDENTITY.SELF',
  LAST_OWNER: 'IDENTITY.LAST_OWNER',
  UNKNOWN_ACTION: 'IDENTITY.UNKNOWN_ACTION',
  /** a request body, path parameter or cursor that does not fit the contract */
  INVALID_REQUEST: 'IDENTITY.INVALID_REQUEST',
  /** a directory filter field that needs another service's data */
  FILTER_UNSUPPORTED: 'IDENTITY.FILTER_UNSUPPORTED',
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
