import { applyDecorators, ArgumentsHost, Catch, Controller, HttpException, HttpStatus, UseFilters } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { IDENTITY, IdentityCode, IdentityError } from '../identity.errors';

/** HTTP status of the codes that are not a plain 400. */
const STATUS_OF: Partial<Record<IdentityCode, HttpStatus>> = {
  [IDENTITY.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [IDENTITY.TOKEN_EXPIRED]: HttpStatus.GONE,
  [IDENTITY.IMPORT_TOO_LARGE]: HttpStatus.PAYLOAD_TOO_LARGE,
};

/**
 * Turns an IdentityError into `{code, message, details: {field}}`: 404 for an unknown person, 410 for an
 * expired link, 413 for an upload over the limits, 400 otherwise (TOKEN_INVALID included).
 */
@Catch(IdentityError)
export class IdentityHttpErrorsFilter extends BaseExceptionFilter {
  override catch(err: IdentityError, host: ArgumentsHost): void {
    const status = STATUS_OF[err.code] ?? HttpStatus.BAD_REQUEST;
    const body = { code: err.code, message: err.message, details: err.field ? { field: err.field } : {} };
    super.catch(new HttpException(body, status), host);
  }
}

/** A controller of identity's internal HTTP API (libs/contracts/src/internal/identity-api.ts): routes under one tenant. */
export function InternalHttpController(path = ''): ClassDecorator {
  const route = ['internal/tenants/:tenantId', path].filter(Boolean).join('/');
  return applyDecorators(Controller(route), UseFilters(IdentityHttpErrorsFilter));
}

/** A controller of identity's internal HTTP API whose routes name no tenant (a token names it). */
export function InternalUnscopedHttpController(): ClassDecorator {
  return applyDecorators(Controller('internal'), UseFilters(IdentityHttpErrorsFilter));
}
