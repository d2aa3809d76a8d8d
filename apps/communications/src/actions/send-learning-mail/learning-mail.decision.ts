import { LearningMail, Outcome, PersonView } from '@cohort/contracts';
import { COMMUNICATIONS } from '../../communications.errors';
import { IdentityUnavailableError, PersonLookup } from '../../notifications/identity-people.client';
import { identityUnavailable } from '../send-notification/send-notification.decision';

/** The kinds of learning e-mail: each is also its template (MailKind) and the outbox message's kind. */
export type LearningMailKind = LearningMail['kind'];

/** A person's LearningMail of the expected kind from learning's step, or why there is none (naming the field). */
export function learningMailOf(data: unknown, kind: LearningMailKind): { mail: LearningMail } | { problem: string } {
  const parsed = LearningMail.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `no usable e-mail data from the previous step: data.${issue.path.join('.') || '(all)'}: ${issue.message}` };
  }
  if (parsed.data.kind !== kind) return { problem: `no usable e-mail data from the previous step: data.kind: ${parsed.data.kind}, expected ${kind}` };
  return { mail: parsed.data };
}

/**
 * Where the e-mail leads in the console: enrolled → the given page or the person's courses, a task → their
 * tasks, a certificate → its own page (the certificate is linked from there, not attached).
 */
export function learningMailLink(publicUrl: string, mail: LearningMail): string {
  switch (mail.kind) {
    case 'enrolled':
      return `${publicUrl}${mail.link ?? '/console/#/courses'}`;
    case 'task-assigned':
      return `${publicUrl}/console/#/tasks`;
    case 'certificate-awarded':
      return `${publicUrl}/console/#/certificates/${encodeURIComponent(mail.certificateId)}`;
  }
}

/** The template variables (MailVars of the mail's kind) for a person: their name, what learning said, the link. */
export function learningMailVars(mail: LearningMail, name: string, link: string): Record<string, unknown> {
  switch (mail.kind) {
    case 'enrolled':
      return { name, courseTitles: mail.courseTitles, link };
    case 'task-assigned':
      return { name, taskTitle: mail.taskTitle, dueDate: mail.dueDate, link };
    case 'certificate-awarded':
      return { name, courseTitle: mail.courseTitle, link };
  }
}

/**
 * Who gets the e-mail, from identity's answer (pure): an active person; anyone else is an outcome at once —
 * identity unavailable (retry), unknown (failed), or not signed in (skipped: invited, deactivated, archived,
 * being deleted — the link would not open for them).
 */
export function decideLearningRecipient(
  userId: string,
  found: PersonLookup | IdentityUnavailableError | undefined,
): { person: PersonView } | { outcome: Outcome } {
  if (found instanceof IdentityUnavailableError) return { outcome: identityUnavailable(userId, found.message) };
  if (!found) return { outcome: { userId, status: 'failed', code: COMMUNICATIONS.NOT_FOUND, message: 'person not found', retryable: false } };
  if (found.status === 'active') return { person: found };
  const message = `the person is ${found.status}: they do not sign in, so the e-mail's link would not reach them`;
  return { outcome: { userId, status: 'skipped', code: COMMUNICATIONS.NOT_REACHABLE, message } };
}
