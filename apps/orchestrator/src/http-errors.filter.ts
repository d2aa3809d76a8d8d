import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import { z } from 'zod';
import { issueField } from '@cohort/contracts';
import { Refusal } from './intake/refusal';

/** Maps refusals, validation errors and the unexpected to `{code, message, details}` at the HTTP edge. */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly log = new Logger(HttpErrorsFilter.name);

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (err instanceof Refusal) {
      res.status(err.status).json(err.toBody());
      return;
    }
    if (err instanceof z.ZodError) {
      const issue = err.issues[0];
      const field = issueField(issue);
      res.status(400).json({ code: 'REQUEST.INVALID', message: `${field || 'body'}: ${issue.message}`, details: { field } });
      return;
    }
    if (err instanceof HttpException) {
      res.status(err.getStatus()).json({ code: `HTTP.${err.getStatus()}`, message: err.message, details: {} });
      return;
    }
    this.log.error({ msg: 'request failed', err: String((err as Error)?.stack ?? err) });
    res.status(500).json({ code: 'INTERNAL', message: 'the orchestrator failed to answer', details: {} });
  }
}
