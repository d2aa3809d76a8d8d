import { Inject, Injectable, Logger } from '@nestjs/common';
import { Outcome, PersonView } from '@cohort/contracts';
import { CLAIM_MS } from '../actions/send-token-mail/token-mail.sender';
import { decideStored, sendInProgress } from '../actions/send-token-mail/token-mail.decision';
import { MAIL_CONFIG, MailConfig } from '../communications.config';
import { COMMUNICATIONS } from '../communications.errors';
import { Mailer } from '../mail/mailer';
import { smtpFailure } from '../mail/smtp-failure';
import { OutboxMessage, outboxId } from '../outbox/outbox-message';
import { OutboxRepository } from '../outbox/outbox.repository';
import { renderMail, RenderedMail } from '../templates/render-mail';
import { Notification } from './notification.schema';

/** `${PUBLIC_URL}/console/#/notifications`: the inbox in the console. */
export function inboxLink(publicUrl: string): string {
  return `${publicUrl}/console/#/notifications`;
}

/**
 * E-mails the copy of a notification to its person, once per (job, step, person) like every e-mail
 * (outbox keyed by the notification's job and step): whichever delivers it — the send-notification step
 * or the person's activation, even both at once — the claim lets one send. The outcome says what became
 * of the copy: succeeded (sent, now or before), failed retryable (SMTP or the store unavailable, another
 * delivery sending it), failed for good (refused) or skipped (held: the person was deactivated).
 */
@Injectable()
export class NotificationMailer {
  private readonly log = new Logger(NotificationMailer.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly mailer: Mailer,
    @Inject(MAIL_CONFIG) private readonly config: MailConfig,
  ) {}

  async sendCopy(notification: Notification, person: PersonView): Promise<Outcome> {
    const { userId } = notification;
    const rendered = renderMail('notification', person.language, {
      name: person.name,
      subject: notification.subject,
      body: notification.body,
      link: inboxLink(this.config.publicUrl),
    });
    const message = this.newMessage(notification, person.email, rendered);
    let next: Outcome | 'send';
    try {
      next = await this.claim(message);
    } catch (err) {
      const reason = `communications store: ${(err as Error).message}`;
      return { userId, status: 'failed', code: COMMUNICATIONS.STORE_UNAVAILABLE, message: reason, retryable: true };
    }
    return next === 'send' ? this.deliver(message, rendered) : next;
  }

  /** `send` when this delivery now holds the message, else what its stored state decides. */
  private async claim(message: OutboxMessage): Promise<Outcome | 'send'> {
    const { created, message: stored } = await this.outbox.create(message);
    if (created) return 'send';
    const decided = decideStored(message.userId, stored);
    if (decided !== 'send') return decided;
    const now = new Date();
    if (await this.outbox.claim(message._id, now, new Date(now.getTime() + CLAIM_MS))) return 'send';
    const current = await this.outbox.get(message._id);
    const after = current ? decideStored(message.userId, current) : 'send';
    return after === 'send' ? sendInProgress(message.userId) : after;
  }

  private async deliver(message: OutboxMessage, rendered: RenderedMail): Promise<Outcome> {
    const { _id: id, userId } = message;
    const keep = (what: string) => (err: Error) => this.log.warn(`outbox ${id} ${what} but not recorded: ${err.message}`);
    let messageId: string;
    try {
      messageId = await this.mailer.send({ to: message.to, ...rendered });
    } catch (err) {
      const failure = smtpFailure(err);
      if (failure.retryable) {
        await this.outbox.release(id, failure.message).catch(keep('failed transiently'));
        return { userId, status: 'failed', code: COMMUNICATIONS.SMTP_UNAVAILABLE, message: failure.message, retryable: true };
      }
      await this.outbox.markFailed(id, failure.message).catch(keep('refused'));
      return { userId, status: 'failed', code: COMMUNICATIONS.MAIL_REFUSED, message: failure.message, retryable: false };
    }
    // the e-mail went: a store that fails now must not turn it into a retry that sends it again
    await this.outbox.markSent(id, messageId, new Date()).catch(keep('sent'));
    return { userId, status: 'succeeded' };
  }

  private newMessage(notification: Notification, to: string, rendered: RenderedMail): OutboxMessage {
    const now = new Date();
    return {
      _id: outboxId(notification, notification.userId),
      tenantId: notification.tenantId,
      userId: notification.userId,
      jobId: notification.jobId,
      step: notification.step,
      kind: 'notification',
      to,
      language: rendered.language,
      subject: rendered.subject,
      status: 'pending',
      attempts: 1,
      claimedUntil: new Date(now.getTime() + CLAIM_MS),
      sentAt: null,
      messageId: null,
      error: null,
      createdAt: now,
    };
  }
}
