import { z } from 'zod';
import { issueField, Outcome, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { LEARNING } from '../learning.errors';

/**
 * The params of a participant-only step (no catalogue entry checks them at intake): parsed with the
 * step's own schema, or every person failed INVALID_PARAMS naming the field (`params.deadline: ...`).
 */
export function stepParams<S extends z.ZodType>(schema: S, work: WorkChunk): { params: z.output<S> } | { failed: Outcome[] } {
  const parsed = schema.safeParse(work.params);
  if (parsed.success) return { params: parsed.data };
  const issue = parsed.error.issues[0];
  return { failed: failAll(work, LEARNING.INVALID_PARAMS, `${issueField(issue, ['params'])}: ${issue.message}`) };
}
