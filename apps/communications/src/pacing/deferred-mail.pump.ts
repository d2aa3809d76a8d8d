import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Outcome } from '@cohort/contracts';
import { WorkResultsPublisher } from '@cohort/messaging';
import { COMMUNICATIONS } from '../communications.errors';
import { OutboxMessage } from '../outbox/outbox-message';
import { OutboxRepository } from '../outbox/outbox.repository';
import { CLAIM_MS, OutboxSender } from '../outbox/outbox.sender';
import { renderMail } from '../templates/render-mail';
import { MailPace } from './mail-pace';

/** How often the pump looks for deferred mail the rate now allows, while there is some. */
const PUMP_MS = 200;
/**
 * With none left and none deferred by this process since, how often it still looks (mail another replica
 * deferred before it stopped). Looking is a scan of the outbox on FerretDB 1.x (seconds at tens of
 * thousands of messages): every 200 ms it kept the store busy while nothing was deferred at all.
 */
export const PUMP_IDLE_MS = 30_000;
/** Send attempts of a deferred message before a transient SMTP failure becomes the person's outcome. */
export const DEFERRED_MAX_ATTEMPTS = 5;

/**
 * Sends the e-mails the send rate deferred, oldest first, as fast as the rate allows, and reports each
 * person's outcome to the job that is waiting for it (a result for the chunk dispatch that deferred them;
 * the orchestrator counts it once). A transient SMTP failure leaves the message deferred for a later
 * round, up to DEFERRED_MAX_ATTEMPTS; then, like a refusal, it is the person's failure. Deferred mail
 * survives a restart: it is in the outbox, and the pump of any replica picks it up.
 */
@Injectable()
export class DeferredMailPump implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(DeferredMailPump.name);
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  /** when a look found no deferred mail (0: look now) */
  private idleSince = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly sender: OutboxSender,
    private readonly pace: MailPace,
    private readonly results: WorkResultsPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.round ??= this.pump()
        .catch((err: Error) => this.log.warn(`deferred mail round failed: ${err.message}`))
        .finally(() => (this.round = undefined));
    }, PUMP_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  /** One round: as many deferred messages as the rate allows now (nothing while idle, see PUMP_IDLE_MS). */
  async pump(): Promise<void> {
    const now = Date.now();
    if (this.idleSince > 0 && this.outbox.lastDeferredAt < this.idleSince && now - this.idleSince < PUMP_IDLE_MS) return;
    let room = this.pace.available();
    while (room > 0) {
      const looked = Date.now();
      const due = await this.outbox.dueDeferred(new Date(), Math.min(room, 50));
      if (due.length === 0) {
        this.idleSince = looked;
        return;
      }
      this.idleSince = 0;
      for (const message of due) {
        if (!this.pace.take()) return;
        await this.flush(message);
      }
      room = this.pace.available();
    }
  }

  private async flush(message: OutboxMessage): Promise<void> {
    const now = new Date();
    const claimed = await this.outbox.claim(message._id, now, new Date(now.getTime() + CLAIM_MS));
    if (!claimed?.deferred) return; // another replica has it, or it was sent, held or failed meanwhile
    const { result, vars } = claimed.deferred;
    let outcome: Outcome;
    try {
      outcome = await this.sender.deliver(claimed, renderMail(claimed.kind, claimed.language, vars));
    } catch (err) {
      await this.outbox.markFailed(claimed, `cannot render: ${(err as Error).message}`);
      outcome = { userId: claimed.userId, status: 'failed', code: COMMUNICATIONS.NO_MAIL_DATA, message: (err as Error).message, retryable: false };
    }
    if (outcome.status === 'failed' && outcome.retryable) {
      if (claimed.attempts < DEFERRED_MAX_ATTEMPTS) return; // still deferred: a later round tries again
      await this.outbox.markFailed(claimed, outcome.message ?? 'SMTP unavailable');
      outcome = { ...outcome, retryable: false };
    }
    await this.results.publish('communications', result, [outcome]);
  }
}
