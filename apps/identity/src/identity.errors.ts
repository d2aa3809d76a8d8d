/** Stable codes of identity's per-person skips and failures (mapped to HTTP or events only at the edge). */
export const IDENTITY = {
  NOT_FOUND: 'IDENTITY.NOT_FOUND',
  INVALID_PARAMS: 'IDENTITY.INVALID_PARAMS',
  UNCHANGED: 'IDENTITY.UNCHANGED',
  SELF: 'IDENTITY.SELF',
  LAST_OWNER: 'IDENTITY.LAST_OWNER',
  UNKNOWN_ACTION: 'IDENTITY.UNKNOWN_ACTION',
} as const;
