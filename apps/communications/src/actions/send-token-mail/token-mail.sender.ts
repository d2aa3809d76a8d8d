import { Inject, Injectable, Logger } from '@nestjs/common';
import { storeFailure } from '@cohort/common';
import { Outcome, TokenMail, WorkChunk } from '@cohort/contracts';
import { MAIL_CONFIG, MailConfig } from '../../communications.config';
import { COMMUNICATIONS } from '../../communications.errors';
import { Mailer } from '../../mail/mailer';
import { smtpFailure } from '../../mail/smtp-failure';
import { OutboxMessage, outboxId } from '../../outbox/outbox-message';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { renderMail, RenderedMail } from '../../templates/render-mail';
import { decideStored, noMailData, sendInProgress, tokenMailOf } from './token-mail.decision';

/** How long a delivery holds a message it is sending (beyond the SMTP time-outs, see Mailer). */
export const CLAIM_MS = 120_000;
/** People of a chunk mailed at once (the SMTP pool's connections). */
const PARALLEL = 5;

/** `${PUBLIC_URL}/console/#/<kind>/<token>`: in the fragment, so the token never reaches a server log. */
export function tokenLink(publicUrl: string, kind: TokenMail['kind'], token: string): string {
  return `${publicUrl}/console/#/${kind}/${encodeURIComponent(token)}`;
}

/**
 * E-mails each person of a chunk the token link identity handed over, exactly once per (job, step,
 * person): the outbox message is written (pending, claimed) before the send, so a redelivered chunk finds
 * it sent (succeeded, nothing sent), held (skipped) or refused (failed), and only sends a message still
 * pending that no other delivery holds. Succeeded carries no data, so the orchestrator drops the token.
 */
@Injectable()
export class TokenMailSender {
  private readonly log = new Logger(TokenMailSender.name);

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly mailer: Mailer,
    @Inject(MAIL_CONFIG) private readonly config: MailConfig,
  ) {}

  /** One outcome per person of the chunk, in its order; a few people at a time over the SMTP pool. */
  async sendAll(work: WorkChunk, kind: TokenMail['kind']): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < work.userIds.length; i += PARALLEL) {
      outcomes.push(...(await Promise.all(work.userIds.slice(i, i + PARALLEL).map((userId) => this.sendOne(work, kind, userId)))));
    }
    return outcomes;
  }

  private async sendOne(work: WorkChunk, kind: TokenMail['kind'], userId: string): Promise<Outcome> {
    const found = tokenMailOf(work.data?.[userId], kind);
    if ('problem' in found) return noMailData(userId, found.problem);
    let rendered: RenderedMail;
    try {
      rendered = renderTokenMail(found.mail, tokenLink(this.config.publicUrl, kind, found.mail.token));
    } catch (err) {
      return noMailData(userId, `no usable e-mail data from the previous step: ${(err as Error).message}`);
    }
    const message = this.newMessage(work, userId, found.mail, rendered);
    let next: Outcome | 'send';
    try {
      next = await this.claim(message);
    } catch (err) {
      return storeFailure('communications', { ...work, userIds: [userId] }, err)[0];
    }
    return next === 'send' ? this.deliver(message, rendered) : next;
  }

  /**
   * Writes the message, or finds it from an earlier delivery: `send` when this delivery now holds it,
   * else the outcome its stored state decides (held by another delivery: retry later).
   */
  private async claim(message: OutboxMessage): Promise<Outcome | 'send'> {
    const { created, message: stored } = await this.outbox.create(message);
    if (created) return 'send';
    const decided = decideStored(message.userId, stored);
    if (decided !== 'send') return decided;
    const now = new Date();
    if (await this.outbox.claim(message._id, now, new Date(now.getTime() + CLAIM_MS))) return 'send';
    const current = await this.outbox.get(message._id); // held, sent or failed since, or another delivery holds it
    const after = current ? decideStored(message.userId, current) : 'send';
    return after === 'send' ? sendInProgress(message.userId) : after;
  }

  private async deliver(message: OutboxMessage, rendered: RenderedMail): Promise<Outcome> {
    const { _id: id, userId } = message;
    const keep = (what: string) => (err: Error) => this.log.warn(`outbox ${id} ${what} but not recorded: ${err.message}`);
    let messageId: string;
    try {
      messageId = await this.mailer.send({
        to: message.to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        language: rendered.language,
      });
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

  private newMessage(work: WorkChunk, userId: string, mail: TokenMail, rendered: RenderedMail): OutboxMessage {
    const now = new Date();
    return {
      _id: outboxId(work, userId),
      tenantId: work.tenantId,
      userId,
      jobId: work.jobId,
      step: work.step,
      kind: mail.kind,
      to: mail.email,
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

/** The token e-mail of a person, in their language: their name, the link and (password resets) the expiry. */
function renderTokenMail(mail: TokenMail, link: string): RenderedMail {
  return renderMail(mail.kind, mail.language, { name: mail.name, link, expiresAt: mail.expiresAt });
}
