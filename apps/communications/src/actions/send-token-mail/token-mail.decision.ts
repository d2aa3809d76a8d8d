import { Outcome, TokenMail } from '@cohort/contracts';
import { COMMUNICATIONS } from '../../communications.errors';
import { OutboxMessage } from '../../outbox/outbox-message';

/** A person's TokenMail of the expected kind from the previous step, or why there is none (naming the field). */
export function tokenMailOf(data: unknown, kind: TokenMail['kind']): { mail: TokenMail } | { problem: string } {
  const parsed = TokenMail.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `no usable e-mail data from the previous step: data.${issue.path.join('.') || '(all)'}: ${issue.message}` };
  }
  if (parsed.data.kind !== kind) return { problem: `no usable e-mail data from the previous step: data.kind: ${parsed.data.kind}, expected ${kind}` };
  if (!parsed.data.email.includes('@')) return { problem: 'no usable e-mail data from the previous step: data.email: not an e-mail address' };
  return { mail: parsed.data };
}

/** The person failed for good: the previous step handed no usable e-mail data. */
export function noMailData(userId: string, problem: string): Outcome {
  return { userId, status: 'failed', code: COMMUNICATIONS.NO_MAIL_DATA, message: problem, retryable: false };
}

/**
 * What a message already in the outbox means for this delivery: sent → succeeded without sending again,
 * held → skipped, failed → the stored permanent failure, pending → `send` (a crash between insert and
 * send, or a transient failure before: send it now).
 */
export function decideStored(userId: string, message: Pick<OutboxMessage, 'status' | 'error'>): Outcome | 'send' {
  switch (message.status) {
    case 'sent':
      return { userId, status: 'succeeded' };
    case 'held':
      return {
        userId,
        status: 'skipped',
        code: COMMUNICATIONS.MESSAGE_HELD,
        message: 'the message was held (the person was deactivated) before it went out',
      };
    case 'failed':
      return { userId, status: 'failed', code: COMMUNICATIONS.MAIL_REFUSED, message: message.error ?? 'SMTP: refused', retryable: false };
    case 'pending':
      return 'send';
  }
}

/** Another delivery of the chunk holds the message right now: try again later (it will be sent, or found sent). */
export function sendInProgress(userId: string): Outcome {
  return { userId, status: 'failed', code: COMMUNICATIONS.SEND_IN_PROGRESS, message: 'another delivery is sending this message', retryable: true };
}
