import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { issueField } from '@cohort/contracts';
import { invalidField } from '../gateway.errors';

/** How a zod issue names the wrong field in a 400 (a dotted path by default). */
export type FieldNamer = (issue: z.core.$ZodIssue) => string;

const MAX_ISSUES = 20;

/**
 * Parses `value` with the schema or throws 400 `REQUEST.INVALID` whose `details.field` names the
 * first wrong field (`details.issues` lists up to 20, each with its field and message).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, fieldOf: FieldNamer = (i) => issueField(i)): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((i) => ({ field: fieldOf(i) || 'body', message: i.message }));
  throw invalidField(issues[0].field, issues[0].message, { issues });
}

/** `@Body(new ZodPipe(Schema))`: a body, query or param checked against a zod schema. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly fieldOf?: FieldNamer,
  ) {}

  transform(value: unknown): z.output<S> {
    return parseOrThrow(this.schema, value, this.fieldOf);
  }
}
