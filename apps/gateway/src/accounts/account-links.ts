import { z } from 'zod';
import { AcceptInvitation, CompletePasswordReset } from '@cohort/contracts';
import { ZodPipe } from '../http/zod-validation.pipe';

/** `POST /v1/invitations/:token/accept`: what the invited person may choose (both optional); the token is in the path. */
export const AcceptInvitationBody = AcceptInvitation.omit({ token: true }).describe('What the invited person chooses');
export type AcceptInvitationInput = z.output<typeof AcceptInvitationBody>;

/** `POST /v1/password-resets/:token`: the new password; the token is in the path. */
export const PasswordResetBody = CompletePasswordReset.omit({ token: true }).describe('The new password');
export type PasswordResetInput = z.output<typeof PasswordResetBody>;

/** The token of an e-mailed link, as a path parameter (a 400 names `token`, never echoing it). */
export const tokenParam = new ZodPipe(AcceptInvitation.shape.token, () => 'token');
