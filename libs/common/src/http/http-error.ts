import { HttpException, HttpStatus } from '@nestjs/common';
import { z } from 'zod';
import { issueField } from '@cohort/contracts';

/** The error body every service answers: `{code, message, details: {field?}}` with the right status. */
export function httpError(status: HttpStatus, code: string, message: string, field?: string): HttpException {
  return new HttpException({ code, message, details: field ? { field } : {} }, status);
}

/**
 * Parses a path parameter, query or body with its contract schema; failure is a 400 `<SERVICE>.INVALID_REQUEST`
 * naming the first wrong field (prefixed, e.g. `tenantId`).
 */
export function parseOr400<S extends z.ZodType>(service: string, schema: S, value: unknown, prefix: readonly string[] = []): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issueField(issue, prefix) || prefix.join('.') || '(body)';
  throw httpError(HttpStatus.BAD_REQUEST, `${service.toUpperCase()}.INVALID_REQUEST`, `${field}: ${issue.message}`, field);
}
