import { z } from 'zod';
import { actionById, JobCancelled, JobCompleted, JobFailed, PersonView, Reason } from '@cohort/contracts';
import { parseMessage } from '@cohort/messaging';
import { Notification } from '../notifications/notification.schema';
import { MailVars } from '../templates/render-mail';
import { NoticeJob } from './orchestrator-jobs.client';

/** A job's end event on `cohort.batch.events.v1`: completed, failed or cancelled. */
export const JobEnded = z.discriminatedUnion('type', [JobCompleted, JobFailed, JobCancelled]);
export type JobEnded = z.infer<typeof JobEnded>;

const ENDED_TYPES: ReadonlySet<unknown> = new Set<JobEnded['type']>(['completed', 'failed', 'cancelled']);

/**
 * A notice about a job that ended longer ago than this is not sent: a consumer group that starts reading
 * the events topic from its beginning (a new deployment) must not mail the actors of last week's jobs.
 */
export const NOTICE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * The `step` a notice stores in its notification and outbox message: it comes from no saga step. Its
 * `_id`s do not use the step (see noticeId), so it never meets a step's own message.
 */
export const NOTICE_STEP = -1;

/**
 * The end event in a body of the events topic, undefined for any other event (accepted, progress, …);
 * a malformed end event throws InvalidMessageError, so the transport dead-letters it and moves on.
 */
export function endedEvent(body: unknown): JobEnded | undefined {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  return ENDED_TYPES.has(type) ? parseMessage(JobEnded, body) : undefined;
}

/** Judged on the event alone (before asking anyone): the job had at least `minPeople` people and ended recently. */
export function noticeDue(event: JobEnded, minPeople: number, now: Date): boolean {
  return event.total >= minPeople && now.getTime() - Date.parse(event.finishedAt) <= NOTICE_MAX_AGE_MS;
}

/** Only an active actor is e-mailed; one who no longer signs in (deactivated, archived, …) finds the notice in-app only. */
export function emailsActor(actor: PersonView): boolean {
  return actor.status === 'active';
}

/** `<tenantId>:<jobId>:notice:<actorId>`: the notice's notification and outbox `_id`, one per job whatever redelivers its end. */
export function noticeId(tenantId: string, jobId: string, actorId: string): string {
  return `${tenantId}:${jobId}:notice:${actorId}`;
}

/** `${PUBLIC_URL}/console/#/jobs/<jobId>`: the job's results in the console. */
export function jobLink(publicUrl: string, jobId: string): string {
  return `${publicUrl}/console/#/jobs/${encodeURIComponent(jobId)}`;
}

/** The action as the actor knows it: its catalogue title (its id when it has none), marked when the job is an undo or a retry. */
export function noticeActionTitle(job: Pick<NoticeJob, 'action' | 'source'>): string {
  const title = actionById(job.action)?.title ?? job.action;
  if (job.source === 'undo') return `Undo: ${title}`;
  if (job.source === 'retry') return `Retry: ${title}`;
  return title;
}

const HEADLINE: Record<JobEnded['type'], string> = {
  completed: 'Your batch job finished',
  failed: 'Your batch job failed',
  cancelled: 'Your batch job was cancelled',
};

/** Why a failed or cancelled job stopped: the job's own reason, else the one its end event carried. */
function stopReason(event: JobEnded, job: Pick<NoticeJob, 'reason'>): Reason | undefined {
  if (event.type === 'completed') return undefined;
  return job.reason ?? (event.type === 'failed' ? event.reason : undefined);
}

/** The in-app notice's subject and plain-text body: the outcome, the people per final status, why it stopped, where to look. */
export function noticeText(event: JobEnded, job: Pick<NoticeJob, 'action' | 'source' | 'reason'>, link: string): { subject: string; body: string } {
  const { succeeded, skipped, failed, cancelled } = event.counts;
  const people = event.total === 1 ? 'person' : 'people';
  const reason = stopReason(event, job);
  const lines = [
    `${event.total} ${people}: ${succeeded} succeeded, ${skipped} skipped, ${failed} failed, ${cancelled} cancelled.`,
    ...(reason ? [`Reason: ${reason.message} (${reason.code})`] : []),
    `Results: ${link}`,
  ];
  return { subject: `${HEADLINE[event.type]}: ${noticeActionTitle(job)}`, body: lines.join('\n') };
}

/**
 * The notice in the actor's inbox, delivered at once. It has no e-mail copy for DeliverOnJoin to send:
 * the notice's e-mail is its own ('job-finished'), sent by the notice handler.
 */
export function noticeNotification(event: JobEnded, job: NoticeJob, link: string, at: Date): Notification {
  const { subject, body } = noticeText(event, job, link);
  return {
    _id: noticeId(event.tenantId, event.jobId, job.actorId),
    tenantId: event.tenantId,
    userId: job.actorId,
    jobId: event.jobId,
    step: NOTICE_STEP,
    subject,
    body,
    emailCopy: false,
    emailPending: false,
    createdAt: at,
    deliveredAt: at,
    readAt: null,
  };
}

/** The variables of the actor's 'job-finished' e-mail. */
export function noticeMailVars(
  event: JobEnded,
  job: Pick<NoticeJob, 'action' | 'source'>,
  actor: PersonView,
  link: string,
): MailVars['job-finished'] {
  const { succeeded, skipped, failed, cancelled } = event.counts;
  return { name: actor.name, actionTitle: noticeActionTitle(job), counts: { succeeded, skipped, failed, cancelled }, link };
}
