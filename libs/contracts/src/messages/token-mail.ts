import { z } from 'zod';

/**
 * What identity hands the communications step that e-mails a person a token link (Outcome.data of
 * `invite-users`, `resend-invitation` and `send-password-reset`, arriving as WorkChunk.data): the
 * recipient, their language and the token. Identity stores only the token's hash, so this is the one
 * place the token travels; the orchestrator drops it once the e-mail step has run.
 */
export const TokenMail = z.object({
  kind: z.enum(['invitation', 'password-reset']),
  email: z.string(),
  name: z.string(),
  language: z.string(),
  token: z.string(),
  /** ISO time the link stops working (password resets) */
  expiresAt: z.string().optional(),
});
export type TokenMail = z.infer<typeof TokenMail>;
