import { Body, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AcceptInvitation, CompletePasswordReset, TokenAccepted } from '@cohort/contracts';
import { InternalUnscopedHttpController } from '../http/internal-http.controller';
import { ZodPipe } from '../http/zod.pipe';
import { AcceptInvitationCommand } from './accept-invitation.handler';
import { CompletePasswordResetCommand } from './complete-password-reset.handler';

/**
 * The links people get by e-mail, redeemed (called by the gateway's public routes). Not tenant-scoped:
 * the token names tenant and person.
 *   POST /internal/invitations/accept          AcceptInvitation → TokenAccepted | 400 IDENTITY.TOKEN_INVALID
 *   POST /internal/password-resets/complete    CompletePasswordReset → TokenAccepted | 400 TOKEN_INVALID | 410 TOKEN_EXPIRED
 */
@InternalUnscopedHttpController()
export class InvitationsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('invitations/accept')
  @HttpCode(200)
  accept(@Body(new ZodPipe(AcceptInvitation)) request: AcceptInvitation): Promise<TokenAccepted> {
    return this.commands.execute(new AcceptInvitationCommand(request));
  }

  @Post('password-resets/complete')
  @HttpCode(200)
  complete(@Body(new ZodPipe(CompletePasswordReset)) request: CompletePasswordReset): Promise<TokenAccepted> {
    return this.commands.execute(new CompletePasswordResetCommand(request));
  }
}
