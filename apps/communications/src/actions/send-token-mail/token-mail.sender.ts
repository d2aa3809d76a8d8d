import { Inject, Injectable } from '@nestjs/common';
import { Outcome, TokenMail, WorkChunk } from '@cohort/contracts';
import { MAIL_CONFIG, MailConfig } from '../../communications.config';
import { OutboxMessage, outboxId } from '../../outbox/outbox-message';
import { OutboxSender, pendingMessage } from '../../outbox/outbox.sender';
import { renderMail, RenderedMail } from '../../templates/render-mail';
import { noMailData, tokenMailOf } from './token-mail.decision';
/** People of a chunk mailed at once (the SMTP pool's connections). */
const PARALLEL = 5;

/** `${PUBLIC_URL}/console/#/<kind>/<token>`: in the fragment, so the token never reaches a server log. */
export function tokenLink(publicUrl: string, kind: TokenMail['kind'], token: string): string {
  return `${publicUrl}/console/#/${kind}/${encodeURIComponent(token)}`;
}

/**
 * E-mails each person of a chunk the token link identity handed over, exactly once per (job, step,
 * person), through the OutboxSender (a redelivered chunk sends nothing again; over the send rate the
 * person is deferred). Succeeded carries no data, so the orchestrator drops the token.
 */
@Injectable()
export class TokenMailSender {
  constructor(
    private readonly sender: OutboxSender,
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
    const link = tokenLink(this.config.publicUrl, kind, found.mail.token);
    let rendered: RenderedMail;
    try {
      rendered = renderMail(found.mail.kind, found.mail.language, tokenMailVars(found.mail, link));
    } catch (err) {
      return noMailData(userId, `no usable e-mail data from the previous step: ${(err as Error).message}`);
    }
    const message = this.newMessage(work, userId, found.mail, rendered);
    return this.sender.send(message, rendered, { vars: tokenMailVars(found.mail, link), result: work });
  }

  private newMessage(work: WorkChunk, userId: string, mail: TokenMail, rendered: RenderedMail): OutboxMessage {
    return pendingMessage(outboxId(work, userId), { ...work, userId }, mail.kind, mail.email, rendered);
  }
}

/** The variables of a person's token e-mail: their name, the link and (password resets) the expiry. */
function tokenMailVars(mail: TokenMail, link: string): Record<string, unknown> {
  return { name: mail.name, link, expiresAt: mail.expiresAt };
}
