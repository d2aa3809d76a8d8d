import { Injectable, Logger } from '@nestjs/common';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { decideStored, sendInProgress } from '../actions/send-token-mail/token-mail.decision';
import { COMMUNICATIONS } from '../communications.errors';
import { Mailer } from '../mail/mailer';
import { smtpFailure } from '../mail/smtp-failure';
import { MailPace } from '../pacing/mail-pace';
import { RenderedMail } from '../templates/render-mail';
import { Deferral, OutboxMessage } from './outbox-message';
import { OutboxRepository } from './outbox.repository';

/** How long a delivery holds a message it is sending (beyond the SMTP time-outs, see Mailer). */
export const CLAIM_MS = 120_000;

/** Where a deferred person's later result goes: the work chunk dispatch that deferred them. */
export type ResultAddress = Pick<WorkChunk, 'jobId' | 'step' | 'chunk' | 'attempt' | 'tenantId'>;

/**
 * Every e-mail goes out through here, once per outbox `_id` (job, step, person): the message is written
 * (pending, claimed) before the send, so a redelivery finds it sent (succeeded, nothing sent), held
 * (skipped), refused (failed) or deferred (still deferred), and only sends a message still pending that no
 * other delivery holds. A send the pace holds back is stored as deferred — with what is needed to render
 * it later, which for a token link includes the token until it is sent — and reported `deferred`; the
 * DeferredMailPump sends it as the rate allows and reports the person's outcome to the job then.
 */
@Injectable()
export class OutboxSender {
  private readonly log = new Logger(OutboxSender.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly mailer: Mailer,
    private readonly pace: MailPace,
  ) {}

  /**
   * Sends `message` (rendered) unless an earlier delivery did. With `later` (the job to report to and the
   * render variables), a send over the rate is deferred; without (no job waits), it waits for the rate.
   */
  async send(message: OutboxMessage, rendered: RenderedMail, later?: { vars: Record<string, unknown>; result: ResultAddress }): Promise<Outcome> {
    let next: Outcome | 'send';
    try {
      next = await this.claim(message);
    } catch (err) {
      return storeUnavailable(message.userId, err);
    }
    if (next !== 'send') return next;
    if (later && !this.pace.take()) {
      const deferral: Deferral = { vars: later.vars, result: later.result, at: new Date() };
      try {
        await this.outbox.defer(message._id, deferral);
      } catch (err) {
        await this.outbox.release(message._id, 'deferral not stored').catch(() => undefined);
        return storeUnavailable(message.userId, err);
      }
      return deferred(message.userId, this.pace.ratePerSecond);
    }
    if (!later) await this.pace.wait();
    return this.deliver(message, rendered);
  }

  /** Sends a message this process holds (claimed) and records the answer; the outcome says what became of it. */
  async deliver(message: Pick<OutboxMessage, '_id' | 'tenantId' | 'userId' | 'to'>, rendered: RenderedMail): Promise<Outcome> {
    const { _id: id, userId } = message;
    const keep = (what: string) => (err: Error) => this.log.warn(`outbox ${id} ${what} but not recorded: ${err.message}`);
    let messageId: string;
    try {
      messageId = await this.mailer.send({ to: message.to, ...rendered, key: id });
    } catch (err) {
      const failure = smtpFailure(err);
      if (failure.retryable) {
        await this.outbox.release(id, failure.message).catch(keep('failed transiently'));
        return { userId, status: 'failed', code: COMMUNICATIONS.SMTP_UNAVAILABLE, message: failure.message, retryable: true };
      }
      await this.outbox.markFailed(message, failure.message).catch(keep('refused'));
      return { userId, status: 'failed', code: COMMUNICATIONS.MAIL_REFUSED, message: failure.message, retryable: false };
    }
    // the e-mail went: a store that fails now must not turn it into a retry that sends it again
    await this.outbox.markSent(message, messageId, new Date()).catch(keep('sent'));
    return { userId, status: 'succeeded' };
  }

  /**
   * Writes the message, or finds it from an earlier delivery: `send` when this delivery now holds it,
   * else the outcome its stored state decides. A message another delivery holds is waited for: it is
   * sent, held or failed by that delivery meanwhile, or — when that delivery died with it (a crash between
   * the insert and the send's record) — its claim runs out and this delivery sends it. Answering at once
   * instead made the person fail SEND_IN_PROGRESS for good after a crash: the orchestrator's retries end
   * within seconds, long before the dead delivery's claim does.
   */
  private async claim(message: OutboxMessage): Promise<Outcome | 'send'> {
    const { created, message: stored } = await this.outbox.create(message);
    if (created) return 'send';
    if (stored.status === 'pending' && stored.deferred) return deferred(message.userId, this.pace.ratePerSecond);
    const decided = decideStored(message.userId, stored);
    if (decided !== 'send') return decided;
    const giveUpAt = Date.now() + CLAIM_MS + CLAIM_POLL_MS;
    for (;;) {
      const now = new Date();
      if (await this.outbox.claim(message._id, now, new Date(now.getTime() + CLAIM_MS))) return 'send';
      const current = await this.outbox.get(message._id); // held, sent or failed since, or another delivery holds it
      if (current?.status === 'pending' && current.deferred) return deferred(message.userId, this.pace.ratePerSecond);
      const after = current ? decideStored(message.userId, current) : 'send';
      if (after !== 'send') return after;
      if (!current || Date.now() >= giveUpAt) return sendInProgress(message.userId);
      const claimLeft = (current.claimedUntil?.getTime() ?? 0) - Date.now();
      await sleep(Math.max(50, Math.min(CLAIM_POLL_MS, claimLeft + 50)));
    }
  }
}

/** How often a delivery waiting for another one's claim looks at the message again. */
const CLAIM_POLL_MS = 2000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A new outbox message to `to`, pending and claimed by the delivery writing it: only what an admin may see (no body, no token). */
export function pendingMessage(
  id: string,
  of: Pick<OutboxMessage, 'tenantId' | 'userId' | 'jobId' | 'step'>,
  kind: OutboxMessage['kind'],
  to: string,
  rendered: RenderedMail,
): OutboxMessage {
  const now = new Date();
  const { tenantId, userId, jobId, step } = of;
  return {
    _id: id,
    tenantId,
    userId,
    jobId,
    step,
    kind,
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

/** Held back by the send rate: the pump sends it shortly and reports the outcome then. */
export function deferred(userId: string, rate: number): Outcome {
  return { userId, status: 'deferred', code: COMMUNICATIONS.DEFERRED, message: `held back by the e-mail send rate (${rate}/s): it goes out shortly` };
}

function storeUnavailable(userId: string, err: unknown): Outcome {
  return {
    userId,
    status: 'failed',
    code: COMMUNICATIONS.STORE_UNAVAILABLE,
    message: `communications store: ${(err as Error).message}`,
    retryable: true,
  };
}
