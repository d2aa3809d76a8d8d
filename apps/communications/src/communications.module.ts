import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MongooseModule } from '@nestjs/mongoose';
import { CohortCoreModule, erasePersonHandler, SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { workController, WorkResultsPublisher } from '@cohort/messaging';
import { HoldMessagesHandler } from './actions/hold-messages/hold-messages.handler';
import { SendNotificationHandler } from './actions/send-notification/send-notification.handler';
import { ActivationsKafkaController } from './activations/activations.kafka.controller';
import { DeliverOnJoinHandler } from './activations/deliver-on-join.handler';
import { SendInvitationHandler, SendPasswordResetHandler } from './actions/send-token-mail/send-token-mail.handler';
import { TokenMailSender } from './actions/send-token-mail/token-mail.sender';
import { SendCertificateAwardedHandler, SendEnrolledHandler, SendTaskAssignedHandler } from './actions/send-learning-mail/send-learning-mail.handler';
import { LearningMailSender } from './actions/send-learning-mail/learning-mail.sender';
import { workAction } from './actions/work-actions';
import { JOB_NOTICE_CONFIG, loadJobNoticeConfig, loadMailConfig, MAIL_CONFIG, MailConfig } from './communications.config';
import { COMMUNICATIONS_PERSON_DATA } from './communications.person-data';
import { Mailer } from './mail/mailer';
import { JobEventsKafkaController } from './job-notices/job-events.kafka.controller';
import { NoticeJobEndHandler } from './job-notices/job-notice.handler';
import { OrchestratorJobsClient } from './job-notices/orchestrator-jobs.client';
import { IdentityPeopleClient } from './notifications/identity-people.client';
import { NotificationMailer } from './notifications/notification-mailer';
import { Notification, NotificationSchema } from './notifications/notification.schema';
import { NotificationsHttpController } from './notifications/notifications.http.controller';
import { NotificationsRepository } from './notifications/notifications.repository';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxSender } from './outbox/outbox.sender';
import { DeferredMailPump } from './pacing/deferred-mail.pump';
import { MailPace } from './pacing/mail-pace';

const handlers = [
  erasePersonHandler('communications', COMMUNICATIONS_PERSON_DATA),
  HoldMessagesHandler,
  SendInvitationHandler,
  SendPasswordResetHandler,
  SendEnrolledHandler,
  SendTaskAssignedHandler,
  SendCertificateAwardedHandler,
  SendNotificationHandler,
  DeliverOnJoinHandler,
];
const mail = [
  { provide: MAIL_CONFIG, useFactory: (c: ServiceConfig) => loadMailConfig(c), inject: [SERVICE_CONFIG] },
  Mailer,
  OutboxRepository,
  OutboxSender,
  TokenMailSender,
  LearningMailSender,
  { provide: MailPace, useFactory: (c: MailConfig) => new MailPace(c.sendRate, c.sendBurst), inject: [MAIL_CONFIG] },
  DeferredMailPump,
];
const notifications = [NotificationsRepository, NotificationMailer, IdentityPeopleClient];
const jobNotices = [{ provide: JOB_NOTICE_CONFIG, useFactory: () => loadJobNoticeConfig() }, OrchestratorJobsClient, NoticeJobEndHandler];

@Module({
  imports: [
    CohortCoreModule.forRoot('communications', { mongo: true }),
    CqrsModule.forRoot(),
    MongooseModule.forFeature([{ name: Notification.name, schema: NotificationSchema }]),
  ],
  controllers: [workController('communications', workAction), ActivationsKafkaController, JobEventsKafkaController, NotificationsHttpController],
  providers: [...handlers, ...mail, ...notifications, ...jobNotices, WorkResultsPublisher],
})
export class CommunicationsModule {}
