import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PersonView } from '@cohort/contracts';
import { copySettled } from '../actions/send-notification/send-notification.decision';
import { JOB_NOTICE_CONFIG, JobNoticeConfig, MAIL_CONFIG, MailConfig } from '../communications.config';
import { IdentityPeopleClient } from '../notifications/identity-people.client';
import { Notification } from '../notifications/notification.schema';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { OutboxMessage } from '../outbox/outbox-message';
import { OutboxSender, pendingMessage } from '../outbox/outbox.sender';
import { renderMail, RenderedMail } from '../templates/render-mail';
import { emailsActor, JobEnded, jobLink, noticeDue, noticeMailVars, noticeNotification } from './job-notice.decision';
import { NoticeJob, OrchestratorJobsClient } from './orchestrator-jobs.client';

/** A job ended (completed, failed or cancelled): its actor may be owed a completion notice. */
export class NoticeJobEnd {
  constructor(readonly event: JobEnded) {}
}

/** The notice's e-mail could not go out yet (SMTP or the store unavailable, or another delivery sending it): the event is tried again. */
export class NoticeNotSentError extends Error {}

/**
 * The completion notice: for a job of at least COMMS_JOB_NOTICE_MIN people, the actor (asked of the
 * orchestrator: the end event does not name them) finds a notice in their inbox and, while active, gets
 * the 'job-finished' e-mail in their language. Once per job: the notice and the e-mail share the `_id`
 * `<tenant>:<job>:notice:<actor>`, so a redelivered end event finds the stored notice and the sent e-mail.
 * An orchestrator, identity or SMTP that cannot answer throws, so the transport retries the event (and
 * dead-letters it once its attempts are spent; replaying it sends what is left). No job waits for the
 * e-mail, so the send rate delays it rather than deferring it.
 */
@CommandHandler(NoticeJobEnd)
export class NoticeJobEndHandler implements ICommandHandler<NoticeJobEnd, void> {
  private readonly log = new Logger(NoticeJobEndHandler.name);

  constructor(
    private readonly jobs: OrchestratorJobsClient,
    private readonly identity: IdentityPeopleClient,
    private readonly notifications: NotificationsRepository,
    private readonly sender: OutboxSender,
    @Inject(MAIL_CONFIG) private readonly mail: Pick<MailConfig, 'publicUrl'>,
    @Inject(JOB_NOTICE_CONFIG) private readonly config: JobNoticeConfig,
  ) {}

  async execute({ event }: NoticeJobEnd): Promise<void> {
    if (!noticeDue(event, this.config.minPeople, new Date())) return;
    const { tenantId, jobId } = event;
    const job = await this.jobs.job(tenantId, jobId);
    if (!job) return this.log.warn({ msg: 'no completion notice: the orchestrator does not know the job', tenantId, jobId });
    const actor = await this.identity.person(tenantId, job.actorId);
    if (!actor) return this.log.warn({ msg: 'no completion notice: identity does not know the actor', tenantId, jobId, actorId: job.actorId });
    const link = jobLink(this.mail.publicUrl, jobId);
    const notice = await this.notifications.insert(noticeNotification(event, job, link, new Date()));
    if (emailsActor(actor)) await this.email(event, job, actor, link, notice);
  }

  /** Sends the notice's e-mail once (the outbox); throws while it may still go out, logs a refusal. */
  private async email(event: JobEnded, job: NoticeJob, actor: PersonView, link: string, notice: Notification): Promise<void> {
    const rendered = renderMail('job-finished', actor.language, noticeMailVars(event, job, actor, link));
    const outcome = await this.sender.send(outboxMessage(notice, actor.email, rendered), rendered);
    if (!copySettled(outcome)) throw new NoticeNotSentError(`completion notice ${notice._id} not e-mailed yet: ${outcome.message ?? outcome.code}`);
    if (outcome.status === 'failed') this.log.warn({ msg: 'completion notice e-mail refused', id: notice._id, reason: outcome.message });
  }
}

/** The outbox message of a notice's e-mail: the notice's `_id`, claimed by this delivery. */
function outboxMessage(notice: Notification, to: string, rendered: RenderedMail): OutboxMessage {
  return pendingMessage(notice._id, notice, 'job-finished', to, rendered);
}
