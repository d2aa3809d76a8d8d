import { z } from 'zod';

/** A link the reader may click: http(s) only, so a `javascript:` URL can never reach an e-mail. */
const Link = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
/** The reader's name as the greeting uses it (may be empty: the greeting then has no name). */
const Name = z.string();
const Text = z.string().min(1, 'must not be empty');
const Count = z.number().int().nonnegative();

/**
 * The variables of each e-mail kind, checked before rendering so a wrong call names its field. Dates are
 * ISO strings, rendered in the mail's language and in UTC; every value is HTML-escaped by the templates.
 */
export const MAIL_VARS = {
  /** invitation to join: `inviterName` and `tenantName` only enrich the sentence when given */
  invitation: z.object({ name: Name, link: Link, inviterName: Text.optional(), tenantName: Text.optional() }),
  /** password-reset link and until when it works */
  'password-reset': z.object({ name: Name, link: Link, expiresAt: z.iso.datetime({ offset: true }) }),
  /** an in-app notification's e-mail copy: `body` is plain text, its line breaks are kept */
  notification: z.object({ name: Name, subject: Text, body: z.string(), link: Link }),
  /** a certificate was awarded: `link` opens or downloads it */
  'certificate-awarded': z.object({ name: Name, courseTitle: Text, link: Link }),
  /** a task was assigned, with an optional due date (ISO date or date-time) */
  'task-assigned': z.object({
    name: Name,
    taskTitle: Text,
    dueDate: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
    link: Link,
  }),
  /** enrolled in one or more courses */
  enrolled: z.object({ name: Name, courseTitles: z.array(Text).min(1, 'must name at least one course'), link: Link }),
  /** the admin's batch job finished: people per final status */
  'job-finished': z.object({
    name: Name,
    actionTitle: Text,
    counts: z.object({ succeeded: Count, skipped: Count, failed: Count, cancelled: Count }),
    link: Link,
  }),
} as const;

/** Every e-mail the communications service sends. */
export type MailKind = keyof typeof MAIL_VARS;

/** The variables `renderMail(kind, …)` takes, per kind (see MAIL_VARS for what each means). */
export type MailVars = { [K in MailKind]: z.infer<(typeof MAIL_VARS)[K]> };

/** All mail kinds, for iterating (tests, previews). */
export const MAIL_KINDS = Object.keys(MAIL_VARS) as MailKind[];

/** The vars checked against `kind`'s schema; throws naming the first wrong field. */
export function parseMailVars<K extends MailKind>(kind: K, vars: Record<string, unknown>): MailVars[K] {
  const parsed = MAIL_VARS[kind].safeParse(vars);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`renderMail(${kind}): vars.${issue.path.join('.') || '(all)'}: ${issue.message}`);
  }
  return parsed.data as MailVars[K];
}
