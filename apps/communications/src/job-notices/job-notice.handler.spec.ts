import { Outcome } from '@cohort/contracts';
import { fakeIdentity, fakeNotifications, personView } from '../notifications/fake-notifications';
import { PersonLookup } from '../notifications/identity-people.client';
import { OutboxMessage } from '../outbox/outbox-message';
import { OutboxSender } from '../outbox/outbox.sender';
import { RenderedMail } from '../templates/render-mail';
import { JobEnded } from './job-notice.decision';
import { NoticeJobEnd, NoticeJobEndHandler, NoticeNotSentError } from './job-notice.handler';
import { NoticeJob, OrchestratorJobsClient, OrchestratorUnavailableError } from './orchestrator-jobs.client';

const counts = { pending: 0, running: 0, succeeded: 3, skipped: 1, failed: 1, cancelled: 0 };
const end = (fields: Partial<JobEnded> = {}) =>
  new NoticeJobEnd({
    type: 'completed',
    eventId: 'e1',
    at: new Date().toISOString(),
    jobId: 'j1',
    tenantId: 't',
    counts,
    total: 5,
    finishedAt: new Date().toISOString(),
    ...fields,
  } as JobEnded);

/** The orchestrator's jobs: j1 run by the owner, or the orchestrator down; counts the look-ups. */
function fakeJobs(answer: NoticeJob | null | 'down' = { id: 'j1', actorId: 'owner', action: 'change-language', source: 'http' }) {
  const asked: string[] = [];
  const client = {
    job: async (_t: string, jobId: string) => {
      asked.push(jobId);
      if (answer === 'down') throw new OrchestratorUnavailableError('orchestrator: connect ECONNREFUSED');
      return answer;
    },
  } as unknown as OrchestratorJobsClient;
  return { client, asked };
}

/** The outbox and SMTP as OutboxSender makes them look: a message `_id` sent once at most; `smtp` decides a send's answer. */
function fakeSender(smtp: () => 'up' | 'down' | 'refuses' = () => 'up') {
  const sent: { id: string; kind: string; to: string; subject: string; language: string }[] = [];
  const sender = {
    send: async (message: OutboxMessage, rendered: RenderedMail): Promise<Outcome> => {
      const { userId } = message;
      if (sent.some((s) => s.id === message._id)) return { userId, status: 'succeeded' };
      const state = smtp();
      if (state === 'down') return { userId, status: 'failed', code: 'COMMUNICATIONS.SMTP_UNAVAILABLE', message: 'ECONNREFUSED', retryable: true };
      if (state === 'refuses')
        return { userId, status: 'failed', code: 'COMMUNICATIONS.MAIL_REFUSED', message: '550 no such user', retryable: false };
      sent.push({ id: message._id, kind: message.kind, to: message.to, subject: rendered.subject, language: rendered.language });
      return { userId, status: 'succeeded' };
    },
  } as unknown as OutboxSender;
  return { sender, sent };
}

function setUp(
  options: { owner?: PersonLookup | 'down'; job?: NoticeJob | null | 'down'; smtp?: () => 'up' | 'down' | 'refuses'; minPeople?: number } = {},
) {
  const store = fakeNotifications();
  const jobs = fakeJobs(options.job);
  const mail = fakeSender(options.smtp);
  const identity = fakeIdentity({ owner: options.owner === undefined ? personView('owner', { language: 'nl', name: 'Olga' }) : options.owner });
  const handler = new NoticeJobEndHandler(
    jobs.client,
    identity,
    store.repo,
    mail.sender,
    { publicUrl: 'https://cohort.example' },
    { minPeople: options.minPeople ?? 5 },
  );
  return { handler, docs: store.docs, asked: jobs.asked, sent: mail.sent };
}

describe('NoticeJobEndHandler', () => {
  it('puts one notice in the actor’s inbox and e-mails them once in their language; a redelivered end adds nothing', async () => {
    const { handler, docs, sent } = setUp();
    await handler.execute(end());
    await handler.execute(end({ eventId: 'e2' }));
    expect([...docs.values()]).toEqual([
      expect.objectContaining({
        _id: 't:j1:notice:owner',
        userId: 'owner',
        subject: 'Your batch job finished: Change language',
        body: '5 people: 3 succeeded, 1 skipped, 1 failed, 0 cancelled.\nResults: https://cohort.example/console/#/jobs/j1',
        deliveredAt: expect.any(Date),
        emailPending: false,
      }),
    ]);
    expect(sent).toEqual([
      { id: 't:j1:notice:owner', kind: 'job-finished', to: 'owner@t.test', subject: expect.stringContaining('Change language'), language: 'nl' },
    ]);
  });

  it('a job below the threshold: nothing, and nobody is asked', async () => {
    const { handler, docs, sent, asked } = setUp({ minPeople: 6 });
    await handler.execute(end());
    expect(asked).toEqual([]);
    expect(docs.size).toBe(0);
    expect(sent).toEqual([]);
  });

  it('failed and cancelled jobs are noticed too', async () => {
    for (const type of ['failed', 'cancelled'] as const) {
      const { handler, docs, sent } = setUp();
      await handler.execute(end({ type }));
      expect(docs.get('t:j1:notice:owner')!.subject).toMatch(type === 'failed' ? /failed/ : /cancelled/);
      expect(sent).toHaveLength(1);
    }
  });

  it('an actor who is not active finds it in-app only', async () => {
    const { handler, docs, sent } = setUp({ owner: personView('owner', { status: 'deactivated' }) });
    await handler.execute(end());
    expect(docs.has('t:j1:notice:owner')).toBe(true);
    expect(sent).toEqual([]);
  });

  it('an actor or a job nobody knows: nothing', async () => {
    for (const options of [{ owner: null }, { job: null }]) {
      const { handler, docs, sent } = setUp(options);
      await handler.execute(end());
      expect(docs.size).toBe(0);
      expect(sent).toEqual([]);
    }
  });

  it('the orchestrator or identity down: throws before storing anything, so the event is retried', async () => {
    const orchestratorDown = setUp({ job: 'down' });
    await expect(orchestratorDown.handler.execute(end())).rejects.toBeInstanceOf(OrchestratorUnavailableError);
    expect(orchestratorDown.docs.size).toBe(0);
    const identityDown = setUp({ owner: 'down' });
    await expect(identityDown.handler.execute(end())).rejects.toThrow(/ECONNREFUSED/);
    expect(identityDown.docs.size).toBe(0);
  });

  it('SMTP down: the notice is in the inbox, the handler throws for the e-mail, and the retry sends it once', async () => {
    let smtp: 'up' | 'down' = 'down';
    const { handler, docs, sent } = setUp({ smtp: () => smtp });
    await expect(handler.execute(end())).rejects.toBeInstanceOf(NoticeNotSentError);
    expect(docs.size).toBe(1);
    smtp = 'up';
    await handler.execute(end());
    await handler.execute(end());
    expect(docs.size).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it('an e-mail the server refuses is not retried', async () => {
    const { handler, docs, sent } = setUp({ smtp: () => 'refuses' });
    await handler.execute(end());
    expect(docs.size).toBe(1);
    expect(sent).toEqual([]);
  });
});
