import { WorkChunk } from '@cohort/contracts';
import type { MailKind } from '../templates/mail-vars';

export const OUTBOX_STATUSES = ['pending', 'sent', 'held', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * One e-mail of one (job, step, person) in the `outbox` collection. Never holds the token or the body
 * that carries it: only what an admin may see afterwards (recipient, subject, status).
 */
export interface OutboxMessage {
  /** `<tenantId>:<jobId>:<step>:<userId>`: a redelivered chunk finds its message */
  _id: string;
  tenantId: string;
  userId: string;
  jobId: string;
  step: number;
  /** which e-mail it is (the template it was rendered from) */
  kind: MailKind;
  to: string;
  language: string;
  subject: string;
  status: OutboxStatus;
  /** how many times a send was started */
  attempts: number;
  /** a delivery sending the message holds it until then, so a duplicate delivery does not send it too */
  claimedUntil: Date | null;
  sentAt: Date | null;
  messageId: string | null;
  error: string | null;
  createdAt: Date;
  /** the job that held it (set by hold-messages) */
  heldBy?: string;
  /** a send the rate held back: what the pump needs to send it and report it (removed once sent or failed) */
  deferred?: Deferral;
}

/**
 * What a deferred message keeps until it goes out: the variables to render it (a token link's token
 * included: the one time communications stores it, removed with this field once sent or failed) and the
 * work chunk dispatch to report the person's outcome to.
 */
export interface Deferral {
  vars: Record<string, unknown>;
  result: { jobId: string; step: number; chunk: number; attempt: number; tenantId: string };
  at: Date;
}

/** The outbox `_id` of a chunk's message to one person. */
export function outboxId(work: Pick<WorkChunk, 'tenantId' | 'jobId' | 'step'>, userId: string): string {
  return `${work.tenantId}:${work.jobId}:${work.step}:${userId}`;
}
