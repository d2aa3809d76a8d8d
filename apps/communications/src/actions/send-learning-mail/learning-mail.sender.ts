import { Inject, Injectable } from '@nestjs/common';
import { LearningMail, Outcome, PersonView, WorkChunk } from '@cohort/contracts';
import { MAIL_CONFIG, MailConfig } from '../../communications.config';
import { IdentityPeopleClient } from '../../notifications/identity-people.client';
import { OutboxMessage, outboxId } from '../../outbox/outbox-message';
import { OutboxSender, pendingMessage } from '../../outbox/outbox.sender';
import { renderMail, RenderedMail } from '../../templates/render-mail';
import { noMailData } from '../send-token-mail/token-mail.decision';
import { decideLearningRecipient, learningMailLink, learningMailOf, learningMailVars, LearningMailKind } from './learning-mail.decision';

/** People of a chunk mailed at once (the SMTP pool's connections). */
const PARALLEL = 5;

/**
 * E-mails each person of a chunk what learning's step did for them (enrolled, a task, a certificate),
 * exactly once per (job, step, person) through the OutboxSender: a redelivered chunk sends nothing again,
 * over the send rate the person is deferred. Learning hands only the titles (LearningMail); the name,
 * address and language come from identity, looked up for the people with usable data only.
 */
@Injectable()
export class LearningMailSender {
  constructor(
    private readonly sender: OutboxSender,
    private readonly identity: IdentityPeopleClient,
    @Inject(MAIL_CONFIG) private readonly config: MailConfig,
  ) {}

  /** One outcome per person of the chunk, in its order. */
  async sendAll(work: WorkChunk, kind: LearningMailKind): Promise<Outcome[]> {
    const mails = new Map(work.userIds.map((userId) => [userId, learningMailOf(work.data?.[userId], kind)]));
    const wanted = work.userIds.filter((userId) => 'mail' in mails.get(userId)!);
    const found = wanted.length > 0 ? await this.identity.people(work.tenantId, wanted) : new Map();
    const sendOne = async (userId: string): Promise<Outcome> => {
      const data = mails.get(userId)!;
      if ('problem' in data) return noMailData(userId, data.problem);
      const recipient = decideLearningRecipient(userId, found.get(userId));
      return 'outcome' in recipient ? recipient.outcome : this.mail(work, userId, data.mail, recipient.person);
    };
    const outcomes: Outcome[] = [];
    for (let i = 0; i < work.userIds.length; i += PARALLEL) {
      outcomes.push(...(await Promise.all(work.userIds.slice(i, i + PARALLEL).map(sendOne))));
    }
    return outcomes;
  }

  private async mail(work: WorkChunk, userId: string, mail: LearningMail, person: PersonView): Promise<Outcome> {
    const vars = learningMailVars(mail, person.name, learningMailLink(this.config.publicUrl, mail));
    let rendered: RenderedMail;
    try {
      rendered = renderMail(mail.kind, person.language, vars);
    } catch (err) {
      return noMailData(userId, `no usable e-mail data from the previous step: ${(err as Error).message}`);
    }
    return this.sender.send(newMessage(work, userId, mail.kind, person.email, rendered), rendered, { vars, result: work });
  }
}

/** The outbox message of one person's learning e-mail, pending and claimed by this delivery. */
function newMessage(work: WorkChunk, userId: string, kind: LearningMailKind, to: string, rendered: RenderedMail): OutboxMessage {
  return pendingMessage(outboxId(work, userId), { ...work, userId }, kind, to, rendered);
}
