import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ApiError, invalidField } from '../gateway.errors';
import { toErrorResponse } from './http-error.filter';

describe('toErrorResponse', () => {
  it('answers an ApiError as it is', () => {
    expect(toErrorResponse(invalidField('selection.userIds', 'too small'))).toEqual({
      status: 400,
      body: { code: 'REQUEST.INVALID', message: 'selection.userIds: too small', details: { field: 'selection.userIds' } },
    });
    expect(toErrorResponse(new ApiError(409, 'SELECTION.CHANGED', 'changed', { field: 'snapshotId' })).status).toBe(409);
  });

  it("gives Nest's own exceptions a code by status", () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /x'))).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'Cannot GET /x', details: {} },
    });
    expect(toErrorResponse(new BadRequestException(['a', 'b'])).body).toEqual({ code: 'REQUEST.INVALID', message: 'a; b', details: {} });
  });

  it('passes on client errors of Express middleware, such as a body too large', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, expose: true });
    expect(toErrorResponse(tooLarge)).toEqual({ status: 413, body: { code: 'REQUEST.TOO_LARGE', message: 'request entity too large', details: {} } });
  });

  it('hides everything else behind a plain 500', () => {
    expect(toErrorResponse(new Error('connection string mongodb://secret'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'internal error', details: {} },
    });
    expect(toErrorResponse(Object.assign(new Error('x'), { status: 500 })).status).toBe(500);
  });
});
