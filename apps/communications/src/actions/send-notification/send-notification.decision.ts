import { ActionParams, Outcome, WorkChunk } from '@cohort/contracts';
import { COMMUNICATIONS } from '../../communications.errors';
import { IdentityUnavailableError, PersonLookup } from '../../notifications/identity-people.client';
import { Notification, notificationId } from '../../notifications/notification.schema';
import type { PersonView } from '@cohort/contracts';

export type NotificationParams = ActionParams<'send-notification'>;

/**
 * What a notification does for one person: `deliver` to an active person's inbox now, `wait` for an
 * invited person to join, or an outcome at once (unknown, not signed in, identity unavailable).
 */
export type Recipient = { kind: 'deliver'; person: PersonView } | { kind: 'wait'; person: PersonView } | { kind: 'outcome'; outcome: Outcome };

/** Decides from identity's answer about the person (pure). */
export function decideRecipient(userId: string, found: PersonLookup | IdentityUnavailableError | undefined): Recipient {
  if (found instanceof IdentityUnavailableError) return { kind: 'outcome', outcome: identityUnavailable(userId, found.message) };
  if (!found) {
    return { kind: 'outcome', outcome: { userId, status: 'failed', code: COMMUNICATIONS.NOT_FOUND, message: 'person not found', retryable: false } };
  }
  if (found.status === 'active') return { kind: 'deliver', person: found };
  if (found.status === 'invited') return { kind: 'wait', person: found };
  const message = `the person is ${found.status}: they do not sign in, so no notification reaches them`;
  return { kind: 'outcome', outcome: { userId, status: 'skipped', code: COMMUNICATIONS.NOT_REACHABLE, message } };
}

/** identity could not answer for the person: the step is worth retrying. */
export function identityUnavailable(userId: string, message: string): Outcome {
  return { userId, status: 'failed', code: COMMUNICATIONS.IDENTITY_UNAVAILABLE, message, retryable: true };
}

/** Stored, the message waits for the person to join; succeeded, and the job's result says so. */
export function onJoin(userId: string): Outcome {
  return { userId, status: 'succeeded', data: { delivery: 'on-join' } };
}

/**
 * The job's notification to one person: delivered now to an active person, waiting (with its e-mail copy
 * still to send, if asked) for an invited one.
 */
export function newNotification(work: WorkChunk, userId: string, params: NotificationParams, deliver: boolean, now: Date): Notification {
  return {
    _id: notificationId(work, userId),
    tenantId: work.tenantId,
    userId,
    jobId: work.jobId,
    step: work.step,
    subject: params.subject,
    body: params.body,
    emailCopy: params.email,
    emailPending: params.email && !deliver,
    createdAt: now,
    deliveredAt: deliver ? now : null,
    readAt: null,
  };
}

/** A copy's outcome that ends the matter: sent, or refused or held for good (not worth another try). */
export function copySettled(outcome: Outcome): boolean {
  return outcome.status !== 'failed' || !outcome.retryable;
}
