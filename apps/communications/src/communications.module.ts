import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CohortCoreModule, erasePersonHandler, SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { workController, WorkResultsPublisher } from '@cohort/messaging';
import { HoldMessagesHandler } from './actions/hold-messages/hold-messages.handler';
import { SendInvitationHandler, SendPasswordResetHandler } from './actions/send-token-mail/send-token-mail.handler';
import { TokenMailSender } from './actions/send-token-mail/token-mail.sender';
import { workAction } from './actions/work-actions';
import { loadMailConfig, MAIL_CONFIG } from './communications.config';
import { COMMUNICATIONS_PERSON_DATA } from './communications.person-data';
import { Mailer } from './mail/mailer';
import { OutboxRepository } from './outbox/outbox.repository';

const handlers = [
  erasePersonHandler('communications', COMMUNICATIONS_PERSON_DATA),
  HoldMessagesHandler,
  SendInvitationHandler,
  SendPasswordResetHandler,
];
const mail = [
  { provide: MAIL_CONFIG, useFactory: (c: ServiceConfig) => loadMailConfig(c), inject: [SERVICE_CONFIG] },
  Mailer,
  OutboxRepository,
  TokenMailSender,
];

@Module({
  imports: [CohortCoreModule.forRoot('communications', { mongo: true }), CqrsModule.forRoot()],
  controllers: [workController('communications', workAction)],
  providers: [...handlers, ...mail, WorkResultsPublisher],
})
export class CommunicationsModule {}
