import { HttpException, HttpStatus } from '@nestjs/common';

/** Stable error codes of the public HTTP API (the body is always `{code, message, details}`). */
export const GATEWAY_ERRORS = {
  invalid: 'REQUEST.INVALID',
  tooLarge: 'REQUEST.TOO_LARGE',
  /** identity's code for the same refusal, so the console sees one code whoever refused the file */
  importTooLarge: 'IDENTITY.IMPORT_TOO_LARGE',
  unauthenticated: 'AUTH.UNAUTHENTICATED',
  accountInactive: 'AUTH.ACCOUNT_INACTIVE',
  forbidden: 'AUTH.FORBIDDEN',
  notFound: 'NOT_FOUND',
  rateLimited: 'RATE_LIMITED',
  upstreamUnavailable: 'UPSTREAM.UNAVAILABLE',
  /** the job's action produces no file, or its file is not there (any more) */
  noArtifact: 'JOBS.NO_ARTIFACT',
  /** the job's file exists only once the job has finished */
  notFinished: 'JOBS.NOT_FINISHED',
  internal: 'INTERNAL',
} as const;

export type ErrorDetails = Record<string, unknown>;

export interface ErrorBody {
  code: string;
  message: string;
  details: ErrorDetails;
}

/** An error answered as it is: status plus `{code, message, details}`. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super({ code, message, details } satisfies ErrorBody, status);
  }

  get body(): ErrorBody {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** 400 naming the wrong field as a dotted path (`selection.userIds`, `roles`, `Idempotency-Key`). */
export function invalidField(field: string, message: string, details: ErrorDetails = {}): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, GATEWAY_ERRORS.invalid, `${field}: ${message}`, { field, ...details });
}

export function unauthenticated(message: string): ApiError {
  return new ApiError(HttpStatus.UNAUTHORIZED, GATEWAY_ERRORS.unauthenticated, message);
}

/** 401 for a valid token whose person may no longer sign in (deactivated, archived, pending deletion, invited). */
export function accountInactive(status: string): ApiError {
  return new ApiError(HttpStatus.UNAUTHORIZED, GATEWAY_ERRORS.accountInactive, `this account is ${status}`, { status });
}

export function forbidden(message: string, details: ErrorDetails = {}): ApiError {
  return new ApiError(HttpStatus.FORBIDDEN, GATEWAY_ERRORS.forbidden, message, details);
}

/** The code of a status when nothing more specific is known. */
export function codeForStatus(status: number): string {
  const known: Record<number, string> = {
    400: GATEWAY_ERRORS.invalid,
    401: GATEWAY_ERRORS.unauthenticated,
    403: GATEWAY_ERRORS.forbidden,
    404: GATEWAY_ERRORS.notFound,
    413: GATEWAY_ERRORS.tooLarge,
    429: GATEWAY_ERRORS.rateLimited,
    502: GATEWAY_ERRORS.upstreamUnavailable,
    503: GATEWAY_ERRORS.upstreamUnavailable,
  };
  return known[status] ?? (status >= 500 ? GATEWAY_ERRORS.internal : `HTTP.${status}`);
}
