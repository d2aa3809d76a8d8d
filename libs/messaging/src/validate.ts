import { z } from 'zod';
import { InvalidMessageError } from './errors';

/** Parses a message body with its contract schema; failure names the first wrong field. */
export function parseMessage<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.join('.') || '(body)';
  throw new InvalidMessageError(`${field}: ${issue.message}`, 'MESSAGE.INVALID', field);
}
