import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { LearningMailSender } from './learning-mail.sender';

/** `send-enrolled`: the enrol saga's e-mail step. */
export class SendEnrolled {
  constructor(readonly work: WorkChunk) {}
}

/** `send-task-assigned`: the add-task saga's e-mail step. */
export class SendTaskAssigned {
  constructor(readonly work: WorkChunk) {}
}

/** `send-certificate-awarded`: the assign-certificate saga's e-mail step. */
export class SendCertificateAwarded {
  constructor(readonly work: WorkChunk) {}
}

/** E-mails each person the courses they were enrolled in (see LearningMailSender). */
@CommandHandler(SendEnrolled)
export class SendEnrolledHandler implements ICommandHandler<SendEnrolled, Outcome[]> {
  constructor(private readonly sender: LearningMailSender) {}

  execute({ work }: SendEnrolled): Promise<Outcome[]> {
    return this.sender.sendAll(work, 'enrolled');
  }
}

/** E-mails each person the task assigned to them (see LearningMailSender). */
@CommandHandler(SendTaskAssigned)
export class SendTaskAssignedHandler implements ICommandHandler<SendTaskAssigned, Outcome[]> {
  constructor(private readonly sender: LearningMailSender) {}

  execute({ work }: SendTaskAssigned): Promise<Outcome[]> {
    return this.sender.sendAll(work, 'task-assigned');
  }
}

/** E-mails each person a link to the certificate awarded to them (see LearningMailSender). */
@CommandHandler(SendCertificateAwarded)
export class SendCertificateAwardedHandler implements ICommandHandler<SendCertificateAwarded, Outcome[]> {
  constructor(private readonly sender: LearningMailSender) {}

  execute({ work }: SendCertificateAwarded): Promise<Outcome[]> {
    return this.sender.sendAll(work, 'certificate-awarded');
  }
}
