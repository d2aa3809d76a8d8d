import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

/** A reference to a schema of the document's components (see openapi-schemas.ts). */
export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: `details.field` names the wrong field',
  401: 'Missing, expired or invalid bearer token, or an account that is not active (AUTH.ACCOUNT_INACTIVE)',
  403: "The caller's role and permissions do not allow the action",
  404: "Not found in the caller's tenant",
  409: 'Conflict (e.g. the selection changed since the preview)',
  410: 'The link expired',
  413: 'Too large (a people file: over 10 MiB)',
  429: 'Rate limited: retry after the Retry-After seconds',
  502: 'An internal service failed',
  503: 'An internal service is unreachable',
};

/** Error answers of a route, each `{code, message, details}` as JSON (also on CSV and event-stream routes). */
export function ApiErrors(...statuses: number[]): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', content: { 'application/json': { schema: schemaRef('Error') } } }),
    ),
  );
}
