import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { issueField, TenantId, UserId } from '@cohort/contracts';
import { IDENTITY, IdentityError } from '../identity.errors';

/** Parses a body or path parameter with its contract schema; failure is a 400 naming the first wrong field. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly prefix: readonly string[] = [],
  ) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issueField(issue, this.prefix) || '(body)';
    throw new IdentityError(IDENTITY.INVALID_REQUEST, `${field}: ${issue.message}`, field);
  }
}

export const tenantIdParam = new ZodPipe(TenantId, ['tenantId']);
export const userIdParam = new ZodPipe(UserId, ['userId']);
