/**
 * Stable codes of learning's certificate actions and routes (the shared ones, NOT_FOUND, COURSE_NOT_FOUND,
 * PERSON_INACTIVE, ..., are in learning.errors.ts). Mapped to HTTP or events only at the edge.
 */
export const CERTIFICATE = {
  /** assign-certificate: the person holds a certificate with this title (and course) already */
  ALREADY_CERTIFIED: 'LEARNING.ALREADY_CERTIFIED',
  /** download-certificates: the person has no certificate (of the course, when one is given) */
  NO_CERTIFICATE: 'LEARNING.NO_CERTIFICATE',
  /** the artifact route: the job collected no certificate (not a download-certificates job, or nobody had one) */
  NO_ARTIFACT: 'LEARNING.NO_ARTIFACT',
  /** the PDF route: no such certificate in the tenant, or not the given person's */
  CERTIFICATE_NOT_FOUND: 'LEARNING.CERTIFICATE_NOT_FOUND',
} as const;
