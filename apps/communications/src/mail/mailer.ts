import { createHash } from 'node:crypto';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { MAIL_CONFIG, MailConfig } from '../communications.config';

/** One e-mail to one recipient. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** the mail's language (Content-Language) */
  language: string;
  /**
   * what makes the mail one message (the outbox `_id`): its Message-ID is derived from it, so a send repeated
   * after a crash between the server's acceptance and the outbox's record is the same message again, which
   * receiving mail systems recognise, not a second one
   */
  key?: string;
}

/** `<sha256(key)@domain of From>`: the same key always gives the same Message-ID (RFC 5322 msg-id). */
export function messageIdFor(key: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'cohort.local';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${domain}>`;
}

/**
 * Sends e-mail over one pooled SMTP transport (SMTP_URL) for the whole service: connections are
 * reused across chunks and closed when the service stops. Errors are nodemailer's (see smtpFailure).
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport;

  constructor(@Inject(MAIL_CONFIG) private readonly config: MailConfig) {
    // time-outs well inside the outbox claim (CLAIM_MS), so a hung server cannot outlast it
    this.transport = createTransport({
      url: config.smtpUrl,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /**
   * Sends one e-mail and returns the message id the server accepted it under. A recipient that is not
   * one plain address is refused before sending (as an envelope error: permanent): nodemailer would
   * parse `no body@x.test` as `body@x.test` and deliver it to someone else.
   */
  async send(mail: OutgoingMail): Promise<string> {
    if (!isPlainAddress(mail.to)) {
      throw Object.assign(new Error(`recipient refused before sending: "${mail.to}" is not a plain e-mail address`), { code: 'EENVELOPE' });
    }
    const info = await this.transport.sendMail({
      from: this.config.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language },
      ...(mail.key !== undefined && { messageId: messageIdFor(mail.key, this.config.from) }),
    });
    return info.messageId;
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/** One plain address: a local part without spaces, quotes, commas, semicolons, brackets or parentheses, one @, a dotted domain. */
export function isPlainAddress(address: string): boolean {
  return (
    /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(address) &&
    !/\.\.|^\.|\.@/.test(address)
  );
}
