import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PersonActivated } from '@cohort/contracts';
import { copySettled } from '../actions/send-notification/send-notification.decision';
import { IdentityPeopleClient } from '../notifications/identity-people.client';
import { NotificationMailer } from '../notifications/notification-mailer';
import { DeliveredNotification, NotificationsRepository } from '../notifications/notifications.repository';

/** A person joined (identity's `person-activated`): what waited for them is theirs now. */
export class DeliverOnJoin {
  constructor(readonly event: PersonActivated) {}
}

/** A copy that could not go out yet (SMTP or the store unavailable): the event is tried again. */
export class CopiesNotSentError extends Error {}

/**
 * Delivers every notification waiting for the person (deliveredAt = now), then e-mails the copies asked
 * for, each once (the outbox, keyed by the notification's job and step). Idempotent: a redelivered event
 * finds nothing waiting and no copy pending. A copy that failed transiently throws, so the transport
 * retries the event (and dead-letters it once its attempts are spent; replaying it sends what is left).
 */
@CommandHandler(DeliverOnJoin)
export class DeliverOnJoinHandler implements ICommandHandler<DeliverOnJoin, void> {
  private readonly log = new Logger(DeliverOnJoinHandler.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly identity: IdentityPeopleClient,
    private readonly mailer: NotificationMailer,
  ) {}

  async execute({ event }: DeliverOnJoin): Promise<void> {
    const { tenantId, userId } = event;
    const waiting = await this.notifications.waiting(tenantId, userId);
    await this.notifications.deliver(
      waiting.map((n) => n._id),
      new Date(),
    );
    const copies = await this.notifications.pendingCopies(tenantId, userId);
    if (copies.length > 0) await this.sendCopies(tenantId, userId, copies);
  }

  private async sendCopies(tenantId: string, userId: string, copies: DeliveredNotification[]): Promise<void> {
    const person = await this.identity.person(tenantId, userId); // unavailable: throws, the event is retried
    if (person?.status !== 'active') {
      // erased or deactivated since it joined: no e-mail goes to someone who no longer signs in
      this.log.warn({ msg: 'e-mail copies dropped: the person is not active', tenantId, userId, status: person?.status ?? 'unknown' });
      for (const copy of copies) await this.notifications.copyDone(copy._id);
      return;
    }
    const unsent: string[] = [];
    for (const copy of copies) {
      const outcome = await this.mailer.sendCopy(copy, person);
      if (!copySettled(outcome)) unsent.push(`${copy._id}: ${outcome.message ?? outcome.code}`);
      else await this.notifications.copyDone(copy._id);
    }
    if (unsent.length > 0) throw new CopiesNotSentError(`e-mail copies not sent yet: ${unsent.join('; ')}`);
  }
}
