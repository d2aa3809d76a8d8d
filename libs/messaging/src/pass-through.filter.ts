import { applyDecorators, ArgumentsHost, Catch, Controller, RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Hands a Kafka handler's error to KafkaBatchTransport unchanged (Nest's default RPC filter would
 * turn it into `{status, message}`), so the transport can tell invalid messages (DLQ now) from
 * transient failures (retry with backoff).
 */
@Catch()
export class PassThroughRpcErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** A controller of Kafka handlers: errors reach KafkaBatchTransport as thrown. */
export function KafkaController(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(PassThroughRpcErrorsFilter));
}
