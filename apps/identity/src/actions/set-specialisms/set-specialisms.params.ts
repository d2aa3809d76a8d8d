import { z } from 'zod';
import { issueField, ParamsValidation } from '@cohort/contracts';

/**
 * Params of the participant-only `set-specialisms` (the undo of add-specialisms, not in the catalogue,
 * so `validateParams` does not know it): the whole list to restore, which may be empty.
 */
export const SetSpecialismsParams = z.strictObject({
  specialisms: z.array(z.string().min(1).max(64)).max(100),
});
export type SetSpecialismsParams = z.infer<typeof SetSpecialismsParams>;

/** Checks the params like `validateParams` does for catalogue actions, naming the wrong field (`params.specialisms.2`). */
export function validateSetSpecialisms(params: unknown): ParamsValidation<SetSpecialismsParams> {
  const parsed = SetSpecialismsParams.safeParse(params);
  if (parsed.success) return { ok: true, params: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: issueField(issue, ['params']), message: issue.message };
}
