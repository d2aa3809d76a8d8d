import { Inject, Injectable } from '@nestjs/common';
import { Outcome, PersonView } from '@cohort/contracts';
import { MAIL_CONFIG, MailConfig } from '../communications.config';
import { OutboxMessage, outboxId } from '../outbox/outbox-message';
import { OutboxSender, pendingMessage, ResultAddress } from '../outbox/outbox.sender';
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
  constructor(
    private readonly sender: OutboxSender,
    @Inject(MAIL_CONFIG) private readonly config: MailConfig,
  ) {}

  /**
   * With `later` (the send-notification step's chunk dispatch) a copy over the send rate is deferred and
   * reported to that job when sent; without (the person's activation, no job waits) it waits for the rate.
   */
  async sendCopy(notification: Notification, person: PersonView, later?: ResultAddress): Promise<Outcome> {
    const vars = { name: person.name, subject: notification.subject, body: notification.body, link: inboxLink(this.config.publicUrl) };
    const rendered = renderMail('notification', person.language, vars);
    const message = this.newMessage(notification, person.email, rendered);
    return this.sender.send(message, rendered, later && { vars, result: later });
  }

  private newMessage(notification: Notification, to: string, rendered: RenderedMail): OutboxMessage {
    return pendingMessage(outboxId(notification, notification.userId), notification, 'notification', to, rendered);
  }
}
