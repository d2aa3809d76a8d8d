/** Stable codes of membership's per-person skips and failures and of its HTTP errors (mapped to HTTP or events only at the edge). */
export const MEMBERSHIP = {
  /** no such person in the tenant (identity), an id of another tenant included */
  NOT_FOUND: 'MEMBERSHIP.NOT_FOUND',
  /** the step's parameters fail the action's schema */
  INVALID_PARAMS: 'MEMBERSHIP.INVALID_PARAMS',
  /** a team or group id the tenant does not have (the message names it): nothing is written for anyone */
  GROUP_NOT_FOUND: 'MEMBERSHIP.GROUP_NOT_FOUND',
  /** add-to-groups: the person is in every one of the groups already */
  ALREADY_MEMBER: 'MEMBERSHIP.ALREADY_MEMBER',
  /** remove-from-groups: the person is in none of the groups */
  NOT_MEMBER: 'MEMBERSHIP.NOT_MEMBER',
  /** add-share: the manager does not exist or manages no team */
  NOT_A_MANAGER: 'MEMBERSHIP.NOT_A_MANAGER',
  /** add-share: the person is the manager */
  SELF: 'MEMBERSHIP.SELF',
  /** add-share: the person is in a team the manager manages: they see them already */
  OWN_TEAM: 'MEMBERSHIP.OWN_TEAM',
  /** add-share: the person is shared with the manager already */
  ALREADY_SHARED: 'MEMBERSHIP.ALREADY_SHARED',
  /** identity could not say who the people are right now: worth retrying */
  IDENTITY_UNAVAILABLE: 'MEMBERSHIP.IDENTITY_UNAVAILABLE',
  /** the store could not be read or written: worth retrying (what storeFailure reports) */
  STORE_UNAVAILABLE: 'MEMBERSHIP.STORE_UNAVAILABLE',
  /** a path parameter that does not fit the contract (parseOr400) */
  INVALID_REQUEST: 'MEMBERSHIP.INVALID_REQUEST',
} as const;
export type MembershipCode = (typeof MEMBERSHIP)[keyof typeof MEMBERSHIP];
