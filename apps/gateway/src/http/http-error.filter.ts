import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError, codeForStatus, ErrorBody, GATEWAY_ERRORS } from '../gateway.errors';

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
}

/** Every error of the HTTP API, whatever threw it, as `{code, message, details}` with its status. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorResponse(exception);
    if (status >= 500 && !(exception instanceof ApiError)) {
      this.logger.error({ msg: 'unhandled error', err: exception instanceof Error ? exception.stack : String(exception) });
    }
    if (res.headersSent) {
      // a stream already started (CSV, SSE): cut it so the client sees it is incomplete
      res.destroy();
      return;
    }
    res.status(status).json(body);
  }
}

export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof ApiError) return { status: exception.getStatus(), body: exception.body };
  if (exception instanceof HttpException) return fromHttpException(exception);
  const clientError = exposedClientError(exception);
  if (clientError) return clientError;
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { code: GATEWAY_ERRORS.internal, message: 'internal error', details: {} } };
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (isErrorBody(response)) return { status, body: { details: {}, ...response } };
  const raw = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
  return { status, body: { code: codeForStatus(status), message, details: {} } };
}

/** Errors of Express middleware (body-parser: too large, bad charset) carry a 4xx `status` meant for the client. */
function exposedClientError(exception: unknown): ErrorResponse | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const e = exception as { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499 || e.expose === false) return undefined;
  const message = typeof e.message === 'string' ? e.message : 'bad request';
  return { status, body: { code: codeForStatus(status), message, details: {} } };
}

function isErrorBody(value: unknown): value is Omit<ErrorBody, 'details'> & Partial<ErrorBody> {
  const v = value as Partial<ErrorBody> | null;
  return typeof v === 'object' && v !== null && typeof v.code === 'string' && typeof v.message === 'string';
}
