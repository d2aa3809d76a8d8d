import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { TokenMailSender } from './token-mail.sender';

/** `send-invitation`: the invite-users and resend-invitation sagas' e-mail step. */
export class SendInvitation {
  constructor(readonly work: WorkChunk) {}
}

/** `send-password-reset`: the send-password-reset saga's e-mail step. */
export class SendPasswordReset {
  constructor(readonly work: WorkChunk) {}
}

/** E-mails each person their invitation link (see TokenMailSender). */
@CommandHandler(SendInvitation)
export class SendInvitationHandler implements ICommandHandler<SendInvitation, Outcome[]> {
  constructor(private readonly sender: TokenMailSender) {}

  execute({ work }: SendInvitation): Promise<Outcome[]> {
    return this.sender.sendAll(work, 'invitation');
  }
}

/** E-mails each person their password-reset link (see TokenMailSender). */
@CommandHandler(SendPasswordReset)
export class SendPasswordResetHandler implements ICommandHandler<SendPasswordReset, Outcome[]> {
  constructor(private readonly sender: TokenMailSender) {}

  execute({ work }: SendPasswordReset): Promise<Outcome[]> {
    return this.sender.sendAll(work, 'password-reset');
  }
}
