import { InvalidMessageError } from '@cohort/messaging';
import { personView } from '../notifications/fake-notifications';
import { renderMail } from '../templates/render-mail';
import {
  emailsActor,
  endedEvent,
  JobEnded,
  jobLink,
  NOTICE_MAX_AGE_MS,
  NOTICE_STEP,
  noticeActionTitle,
  noticeDue,
  noticeId,
  noticeMailVars,
  noticeNotification,
  noticeText,
} from './job-notice.decision';
import { NoticeJob } from './orchestrator-jobs.client';

const FINISHED = '2025-05-01T10:00:00.000Z';
const counts = { pending: 0, running: 0, succeeded: 90, skipped: 6, failed: 3, cancelled: 1 };
const ended = (fields: Partial<JobEnded> = {}): JobEnded =>
  ({ type: 'completed', eventId: 'e1', at: FINISHED, jobId: 'j1', tenantId: 't', counts, total: 100, finishedAt: FINISHED, ...fields }) as JobEnded;
const job: NoticeJob = { id: 'j1', actorId: 'owner', action: 'change-language', source: 'http' };
const LINK = 'https://cohort.example/console/#/jobs/j1';
const soon = new Date(Date.parse(FINISHED) + 1000);

describe('endedEvent', () => {
  it('reads completed, failed and cancelled events', () => {
    for (const type of ['completed', 'failed', 'cancelled'] as const) expect(endedEvent(ended({ type }))).toMatchObject({ type, jobId: 'j1' });
    const reason = { code: 'JOB.FAILURE_THRESHOLD', message: 'too many failed' };
    expect(endedEvent({ ...ended({ type: 'failed' }), reason })).toMatchObject({ reason });
  });

  it('passes over the other events and bodies that are no event', () => {
    expect(endedEvent({ type: 'progress', jobId: 'j1' })).toBeUndefined();
    expect(endedEvent({ type: 'accepted' })).toBeUndefined();
    expect(endedEvent({})).toBeUndefined();
    expect(endedEvent(null)).toBeUndefined();
    expect(endedEvent('completed')).toBeUndefined();
  });

  it('refuses a malformed end event naming the field, so it is dead-lettered', () => {
    const { total: _total, ...withoutTotal } = ended();
    expect(() => endedEvent(withoutTotal)).toThrow(InvalidMessageError);
    expect(() => endedEvent(withoutTotal)).toThrow(/^total: /);
  });
});

describe('noticeDue', () => {
  it('needs at least the minimum number of people', () => {
    expect(noticeDue(ended({ total: 100 }), 100, soon)).toBe(true);
    expect(noticeDue(ended({ total: 99 }), 100, soon)).toBe(false);
    expect(noticeDue(ended({ total: 3 }), 3, soon)).toBe(true);
    expect(noticeDue(ended({ total: 2 }), 3, soon)).toBe(false);
  });

  it('0 means every job, an empty one too', () => {
    expect(noticeDue(ended({ total: 0 }), 0, soon)).toBe(true);
  });

  it('holds for every end status', () => {
    for (const type of ['completed', 'failed', 'cancelled'] as const) expect(noticeDue(ended({ type }), 100, soon)).toBe(true);
  });

  it('passes over a job that ended too long ago (a group reading the topic from its beginning)', () => {
    expect(noticeDue(ended(), 0, new Date(Date.parse(FINISHED) + NOTICE_MAX_AGE_MS))).toBe(true);
    expect(noticeDue(ended(), 0, new Date(Date.parse(FINISHED) + NOTICE_MAX_AGE_MS + 1))).toBe(false);
  });
});

describe('the notice', () => {
  it('e-mails an active actor only', () => {
    expect(emailsActor(personView('owner'))).toBe(true);
    for (const status of ['deactivated', 'archived', 'invited'] as const) expect(emailsActor(personView('owner', { status }))).toBe(false);
  });

  it('is one per job and actor, apart from the ids of a step’s own messages', () => {
    expect(noticeId('t', 'j1', 'owner')).toBe('t:j1:notice:owner');
    expect(jobLink('https://cohort.example', 'j1')).toBe(LINK);
  });

  it('names the action by its title, marking undo and retry jobs', () => {
    expect(noticeActionTitle(job)).toBe('Change language');
    expect(noticeActionTitle({ action: 'change-language', source: 'undo' })).toBe('Undo: Change language');
    expect(noticeActionTitle({ action: 'change-language', source: 'retry' })).toBe('Retry: Change language');
    expect(noticeActionTitle({ action: 'set-specialisms', source: 'undo' })).toBe('Undo: set-specialisms');
  });

  it('a completed job: the outcome, the people per final status and the link', () => {
    expect(noticeText(ended(), job, LINK)).toEqual({
      subject: 'Your batch job finished: Change language',
      body: `100 people: 90 succeeded, 6 skipped, 3 failed, 1 cancelled.\nResults: ${LINK}`,
    });
    expect(noticeText(ended({ total: 1, counts: { ...counts, succeeded: 1, skipped: 0, failed: 0, cancelled: 0 } }), job, LINK).body).toMatch(
      /^1 person: 1 succeeded, 0 skipped, 0 failed, 0 cancelled\./,
    );
  });

  it('a failed job says why: the job’s reason, else the event’s', () => {
    const eventReason = { code: 'JOB.FAILURE_THRESHOLD', message: 'more than 10% failed' };
    const failed = ended({ type: 'failed', reason: eventReason } as Partial<JobEnded>);
    expect(noticeText(failed, job, LINK)).toEqual({
      subject: 'Your batch job failed: Change language',
      body: `100 people: 90 succeeded, 6 skipped, 3 failed, 1 cancelled.\nReason: more than 10% failed (JOB.FAILURE_THRESHOLD)\nResults: ${LINK}`,
    });
    const jobReason = { code: 'JOB.ABORTED', message: 'the saga could not go on' };
    expect(noticeText(failed, { ...job, reason: jobReason }, LINK).body).toContain('Reason: the saga could not go on (JOB.ABORTED)');
  });

  it('a cancelled job says so, with its reason when it has one', () => {
    const cancelled = ended({ type: 'cancelled' });
    expect(noticeText(cancelled, job, LINK)).toEqual({
      subject: 'Your batch job was cancelled: Change language',
      body: `100 people: 90 succeeded, 6 skipped, 3 failed, 1 cancelled.\nResults: ${LINK}`,
    });
    expect(noticeText(cancelled, { ...job, reason: { code: 'X.Y', message: 'stopped by the owner' } }, LINK).body).toContain(
      'Reason: stopped by the owner (X.Y)',
    );
  });

  it('a completed job shows no reason even if one is around', () => {
    expect(noticeText(ended(), { ...job, reason: { code: 'X.Y', message: 'old' } }, LINK).body).not.toContain('Reason');
  });

  it('lands in the actor’s inbox at once, with no e-mail copy for delivery-on-join to send', () => {
    const at = new Date('2025-05-01T10:00:01Z');
    expect(noticeNotification(ended(), job, LINK, at)).toEqual({
      _id: 't:j1:notice:owner',
      tenantId: 't',
      userId: 'owner',
      jobId: 'j1',
      step: NOTICE_STEP,
      subject: 'Your batch job finished: Change language',
      body: expect.stringContaining('90 succeeded'),
      emailCopy: false,
      emailPending: false,
      createdAt: at,
      deliveredAt: at,
      readAt: null,
    });
  });

  it('its e-mail renders in the actor’s language with the counts and the link', () => {
    const vars = noticeMailVars(ended(), job, personView('owner', { name: 'Olga' }), LINK);
    expect(vars).toEqual({
      name: 'Olga',
      actionTitle: 'Change language',
      counts: { succeeded: 90, skipped: 6, failed: 3, cancelled: 1 },
      link: LINK,
    });
    const mail = renderMail('job-finished', 'nl', vars);
    expect(mail.subject).toContain('Change language');
    expect(mail.text).toContain('Gelukt: 90');
    expect(mail.text).toContain(LINK);
  });
});
