import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, PersonView, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { COMMUNICATIONS } from '../../communications.errors';
import { IdentityPeopleClient, IdentityUnavailableError } from '../../notifications/identity-people.client';
import { NotificationMailer } from '../../notifications/notification-mailer';
import { Notification } from '../../notifications/notification.schema';
import { NotificationsRepository } from '../../notifications/notifications.repository';
import { copySettled, decideRecipient, identityUnavailable, newNotification, NotificationParams, onJoin } from './send-notification.decision';

/** `send-notification`: the single step of the catalogue action of the same name. */
export class SendNotification {
  constructor(readonly work: WorkChunk) {}
}

/** People of a chunk handled at once (identity look-ups and the SMTP pool). */
const PARALLEL = 5;

/**
 * Puts the message in each person's inbox: an active person's at once (with the e-mail copy, once per
 * (job, step, person), if asked), an invited person's when they join (the notification waits until
 * identity's `person-activated`). Anyone else is skipped. One notification per (job, person): a
 * redelivered chunk finds the stored one and goes on from there, so it adds no message and no e-mail.
 */
@CommandHandler(SendNotification)
export class SendNotificationHandler implements ICommandHandler<SendNotification, Outcome[]> {
  private readonly log = new Logger(SendNotificationHandler.name);

  constructor(
    private readonly identity: IdentityPeopleClient,
    private readonly notifications: NotificationsRepository,
    private readonly mailer: NotificationMailer,
  ) {}

  async execute({ work }: SendNotification): Promise<Outcome[]> {
    const params = validateParams('send-notification', work.params);
    if (!params.ok) return failAll(work, COMMUNICATIONS.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const found = await this.identity.people(work.tenantId, work.userIds);
    const now = new Date();
    const outcomes: Outcome[] = [];
    for (let i = 0; i < work.userIds.length; i += PARALLEL) {
      const batch = work.userIds.slice(i, i + PARALLEL);
      outcomes.push(...(await Promise.all(batch.map((id) => this.sendOne(work, params.params, id, found.get(id), now)))));
    }
    return outcomes;
  }

  private async sendOne(
    work: WorkChunk,
    params: NotificationParams,
    userId: string,
    found: PersonView | null | IdentityUnavailableError | undefined,
    now: Date,
  ): Promise<Outcome> {
    const recipient = decideRecipient(userId, found);
    if (recipient.kind === 'outcome') return recipient.outcome;
    try {
      const stored = await this.notifications.insert(newNotification(work, userId, params, recipient.kind === 'deliver', now));
      return recipient.kind === 'deliver' ? await this.deliver(stored, recipient.person, now, work) : await this.afterWaiting(stored, now, work);
    } catch (err) {
      if (err instanceof IdentityUnavailableError) return identityUnavailable(userId, err.message);
      const message = `communications store: ${(err as Error).message}`;
      return { userId, status: 'failed', code: COMMUNICATIONS.STORE_UNAVAILABLE, message, retryable: true };
    }
  }

  /**
   * The person was invited at the look-up. If they joined before the notification was stored, their
   * activation found nothing waiting: asking again closes that gap (identity writes the person before it
   * publishes, so "still invited" now means the event is still to come).
   */
  private async afterWaiting(stored: Notification, now: Date, work: WorkChunk): Promise<Outcome> {
    const again = await this.identity.person(stored.tenantId, stored.userId);
    if (again?.status === 'active') return this.deliver(stored, again, now, work);
    return onJoin(stored.userId);
  }

  /** In the inbox now; the e-mail copy, if asked, goes now or (over the send rate) deferred, reported to `work`'s job when sent. */
  private async deliver(stored: Notification, person: PersonView, now: Date, work: WorkChunk): Promise<Outcome> {
    if (!stored.deliveredAt) await this.notifications.deliver([stored._id], now);
    if (!stored.emailCopy) return { userId: stored.userId, status: 'succeeded' };
    const copy = await this.mailer.sendCopy(stored, person, work);
    if (stored.emailPending && copySettled(copy)) {
      await this.notifications
        .copyDone(stored._id)
        .catch((err: Error) => this.log.warn(`notification ${stored._id}: copy done, not recorded: ${err.message}`));
    }
    return copy;
  }
}
