import { applyDecorators, ArgumentsHost, Catch, Controller, HttpException, HttpStatus, UseFilters } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { IDENTITY, IdentityError } from '../identity.errors';

/** Turns an IdentityError into `{code, message, details: {field}}`: 404 for an unknown person, 400 otherwise. */
@Catch(IdentityError)
export class IdentityHttpErrorsFilter extends BaseExceptionFilter {
  override catch(err: IdentityError, host: ArgumentsHost): void {
    const status = err.code === IDENTITY.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    const body = { code: err.code, message: err.message, details: err.field ? { field: err.field } : {} };
    super.catch(new HttpException(body, status), host);
  }
}

/** A controller of identity's internal HTTP API (libs/contracts/src/internal/identity-api.ts): routes under one tenant. */
export function InternalHttpController(path = ''): ClassDecorator {
  const route = ['internal/tenants/:tenantId', path].filter(Boolean).join('/');
  return applyDecorators(Controller(route), UseFilters(IdentityHttpErrorsFilter));
}
