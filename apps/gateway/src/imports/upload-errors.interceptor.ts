import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { invalidField } from '../gateway.errors';
import { importTooLarge } from './people-file';

/**
 * Put outside FileInterceptor: multer's refusals of a multipart upload become the API's errors, a file
 * over the limit 413 IDENTITY.IMPORT_TOO_LARGE and a malformed form 400 naming `file`.
 */
@Injectable()
export class UploadErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        if (err instanceof PayloadTooLargeException) return throwError(() => importTooLarge());
        if (err instanceof BadRequestException) return throwError(() => invalidField('file', err.message));
        return throwError(() => err);
      }),
    );
  }
}
