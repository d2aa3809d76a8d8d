import { WorkChunk } from '@cohort/contracts';
import { MailConfig } from '../../communications.config';
import { Mailer } from '../../mail/mailer';
import { FakeMailer, FakeOutbox } from '../../outbox/fake-outbox';
import { OutboxMessage } from '../../outbox/outbox-message';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { OutboxSender } from '../../outbox/outbox.sender';
import { DeferredMailPump } from '../../pacing/deferred-mail.pump';
import { MailPace } from '../../pacing/mail-pace';
import { WorkResultsPublisher } from '@cohort/messaging';
import { TokenMailSender } from './token-mail.sender';

const CONFIG: MailConfig = { smtpUrl: 'smtp://x', from: 'Cohort <no-reply@x>', publicUrl: 'https://cohort.example', sendRate: 0, sendBurst: 1 };
const mailData = (userId: string, over: Record<string, unknown> = {}) => ({
  kind: 'invitation',
  email: `${userId}@t.test`,
  name: userId.toUpperCase(),
  language: 'nl',
  token: `tok-${userId}.secret`,
  ...over,
});
const work = (userIds: string[], over: Partial<WorkChunk> = {}): WorkChunk => ({
  jobId: 'j1',
  step: 1,
  chunk: 0,
  attempt: 1,
  tenantId: 't',
  action: 'send-invitation',
  params: {},
  userIds,
  data: Object.fromEntries(userIds.map((id) => [id, mailData(id)])),
  ...over,
});

function setup(pace = new MailPace(0)) {
  const outbox = new FakeOutbox();
  const mailer = new FakeMailer();
  const outboxSender = new OutboxSender(outbox as unknown as OutboxRepository, mailer as unknown as Mailer, pace);
  const sender = new TokenMailSender(outboxSender, CONFIG);
  return { outbox, mailer, sender, outboxSender, pace };
}

describe('TokenMailSender', () => {
  it('sends each person their link once, records it sent without the token, and succeeds without data', async () => {
    const { outbox, mailer, sender } = setup();
    const outcomes = await sender.sendAll(work(['a', 'b']), 'invitation');
    expect(outcomes).toEqual([
      { userId: 'a', status: 'succeeded' },
      { userId: 'b', status: 'succeeded' },
    ]);
    expect(mailer.sent.map((m) => [m.to, m.subject, m.language])).toEqual([
      ['a@t.test', 'Je bent uitgenodigd voor Cohort', 'nl'],
      ['b@t.test', 'Je bent uitgenodigd voor Cohort', 'nl'],
    ]);
    expect(mailer.sent[0].text).toContain('https://cohort.example/console/#/invitation/tok-a.secret');
    expect(mailer.sent[0].text).toContain('Hallo A,');
    const doc = outbox.docs.get('t:j1:1:a')!;
    expect(doc).toMatchObject({
      tenantId: 't',
      userId: 'a',
      jobId: 'j1',
      kind: 'invitation',
      to: 'a@t.test',
      language: 'nl',
      status: 'sent',
      attempts: 1,
      messageId: '<m1@maildev>',
    });
    expect(JSON.stringify([...outbox.docs.values()])).not.toContain('tok-');
  });

  it('over the send rate a person is deferred (nothing sent, the link kept until sent); the pump sends it and reports the outcome to the job', async () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const { outbox, mailer, sender, outboxSender, pace } = setup(new MailPace(1, 1));
      const outcomes = await sender.sendAll(work(['a', 'b']), 'invitation');
      expect(outcomes.map((o) => [o.userId, o.status, o.code])).toEqual([
        ['a', 'succeeded', undefined],
        ['b', 'deferred', 'COMMUNICATIONS.DEFERRED'],
      ]);
      expect(mailer.sent.map((m) => m.to)).toEqual(['a@t.test']);
      expect(outbox.docs.get('t:j1:1:b')).toMatchObject({ status: 'pending', deferred: { result: { jobId: 'j1', step: 1, chunk: 0, attempt: 1 } } });
      // a redelivered chunk finds it deferred: no send, still deferred
      expect((await sender.sendAll(work(['b']), 'invitation'))[0].status).toBe('deferred');
      expect(mailer.sent).toHaveLength(1);
      const published: unknown[] = [];
      const results = { publish: async (...args: unknown[]) => void published.push(args) } as unknown as WorkResultsPublisher;
      const pump = new DeferredMailPump(outbox as unknown as OutboxRepository, outboxSender, pace, results);
      await pump.pump(); // no room yet this second
      expect(mailer.sent).toHaveLength(1);
      jest.setSystemTime(1_000);
      await pump.pump();
      expect(mailer.sent.map((m) => m.to)).toEqual(['a@t.test', 'b@t.test']);
      expect(mailer.sent[1].text).toContain('/console/#/invitation/tok-b.secret');
      expect(published).toEqual([
        ['communications', expect.objectContaining({ jobId: 'j1', chunk: 0, attempt: 1 }), [{ userId: 'b', status: 'succeeded' }]],
      ]);
      expect(outbox.docs.get('t:j1:1:b')).toMatchObject({ status: 'sent', deferred: undefined });
      await pump.pump();
      expect(published).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a password reset links to the reset page', async () => {
    const { mailer, sender } = setup();
    const w = work(['p'], {
      action: 'send-password-reset',
      data: { p: mailData('p', { kind: 'password-reset', language: 'en', expiresAt: '2030-01-01T00:00:00Z' }) },
    });
    expect(await sender.sendAll(w, 'password-reset')).toEqual([{ userId: 'p', status: 'succeeded' }]);
    expect(mailer.sent[0].text).toContain('https://cohort.example/console/#/password-reset/tok-p.secret');
  });

  it('a redelivered chunk sends nothing again and succeeds', async () => {
    const { mailer, sender } = setup();
    await sender.sendAll(work(['a']), 'invitation');
    expect(await sender.sendAll(work(['a'], { attempt: 2 }), 'invitation')).toEqual([{ userId: 'a', status: 'succeeded' }]);
    expect(mailer.sent).toHaveLength(1);
  });

  it('a message left pending by a crash after the insert is sent by the redelivery once its claim ran out', async () => {
    const { outbox, mailer, sender } = setup();
    outbox.docs.set('t:j1:1:a', { ...pending('a'), claimedUntil: new Date(Date.now() - 1) });
    expect(await sender.sendAll(work(['a']), 'invitation')).toEqual([{ userId: 'a', status: 'succeeded' }]);
    expect(mailer.sent).toHaveLength(1);
    expect(outbox.docs.get('t:j1:1:a')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  describe('a message another delivery holds', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('is not sent twice: this delivery waits and answers what the other made of it', async () => {
      const { outbox, mailer, sender } = setup();
      outbox.docs.set('t:j1:1:a', { ...pending('a'), claimedUntil: new Date(Date.now() + 60_000) });
      const outcomes = sender.sendAll(work(['a']), 'invitation');
      await jest.advanceTimersByTimeAsync(5_000);
      Object.assign(outbox.docs.get('t:j1:1:a')!, { status: 'sent', messageId: '<other@x>', claimedUntil: null }); // the other delivery sent it
      await jest.advanceTimersByTimeAsync(2_100);
      expect(await outcomes).toEqual([{ userId: 'a', status: 'succeeded' }]);
      expect(mailer.sent).toHaveLength(0);
    });

    it('is sent once its claim ran out when that delivery died with it (a crash mid-send), not failed SEND_IN_PROGRESS', async () => {
      const { outbox, mailer, sender } = setup();
      outbox.docs.set('t:j1:1:a', { ...pending('a'), claimedUntil: new Date(Date.now() + 60_000) });
      let settled = false;
      const outcomes = sender.sendAll(work(['a']), 'invitation').finally(() => (settled = true));
      await jest.advanceTimersByTimeAsync(59_000);
      expect(settled).toBe(false);
      expect(mailer.sent).toHaveLength(0);
      await jest.advanceTimersByTimeAsync(2_100);
      expect(await outcomes).toEqual([{ userId: 'a', status: 'succeeded' }]);
      expect(mailer.sent).toHaveLength(1);
      expect(mailer.sent[0].key).toBe('t:j1:1:a'); // the Message-ID of the dead delivery's send, if it got through
      expect(outbox.docs.get('t:j1:1:a')).toMatchObject({ status: 'sent', attempts: 2 });
    });
  });

  it('a held message (the person was deactivated) is not sent: skipped', async () => {
    const { outbox, mailer, sender } = setup();
    outbox.docs.set('t:j1:1:a', { ...pending('a'), status: 'held', claimedUntil: null });
    expect(await sender.sendAll(work(['a']), 'invitation')).toEqual([
      expect.objectContaining({ userId: 'a', status: 'skipped', code: 'COMMUNICATIONS.MESSAGE_HELD' }),
    ]);
    expect(mailer.sent).toHaveLength(0);
  });

  it('missing or invalid mail data fails the person for good, without an outbox message', async () => {
    const { outbox, mailer, sender } = setup();
    const w = work(['a', 'b', 'c'], { data: { b: mailData('b', { token: 42 }), c: mailData('c', { kind: 'password-reset' }) } });
    const outcomes = await sender.sendAll(w, 'invitation');
    expect(outcomes.map((o) => [o.userId, o.status, o.code, o.retryable])).toEqual([
      ['a', 'failed', 'COMMUNICATIONS.NO_MAIL_DATA', false],
      ['b', 'failed', 'COMMUNICATIONS.NO_MAIL_DATA', false],
      ['c', 'failed', 'COMMUNICATIONS.NO_MAIL_DATA', false],
    ]);
    expect(outcomes[1].message).toContain('data.token');
    expect(mailer.sent).toHaveLength(0);
    expect(outbox.docs.size).toBe(0);
  });

  it('a transient SMTP failure is retryable and leaves the message pending and free; the retry sends it', async () => {
    const { outbox, mailer, sender } = setup();
    mailer.failFor.set('a@t.test', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }));
    expect(await sender.sendAll(work(['a']), 'invitation')).toEqual([
      { userId: 'a', status: 'failed', code: 'COMMUNICATIONS.SMTP_UNAVAILABLE', message: 'SMTP: connect ECONNREFUSED', retryable: true },
    ]);
    expect(outbox.docs.get('t:j1:1:a')).toMatchObject({ status: 'pending', claimedUntil: null, error: 'SMTP: connect ECONNREFUSED' });

    mailer.failFor.clear();
    expect(await sender.sendAll(work(['a'], { attempt: 2 }), 'invitation')).toEqual([{ userId: 'a', status: 'succeeded' }]);
    expect(mailer.sent).toHaveLength(1);
    expect(outbox.docs.get('t:j1:1:a')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a permanent refusal fails the person for good with the SMTP reply, and stays failed on redelivery', async () => {
    const { outbox, mailer, sender } = setup();
    mailer.failFor.set('a@t.test', { code: 'EENVELOPE', responseCode: 550, permanent: true, response: '550 5.1.1 no such user' });
    const refused = { userId: 'a', status: 'failed', code: 'COMMUNICATIONS.MAIL_REFUSED', message: 'SMTP: 550 5.1.1 no such user', retryable: false };
    expect(await sender.sendAll(work(['a', 'b']), 'invitation')).toEqual([refused, { userId: 'b', status: 'succeeded' }]);
    expect(outbox.docs.get('t:j1:1:a')).toMatchObject({ status: 'failed', error: 'SMTP: 550 5.1.1 no such user' });
    mailer.failFor.clear();
    expect(await sender.sendAll(work(['a']), 'invitation')).toEqual([refused]);
    expect(mailer.sent.map((m) => m.to)).toEqual(['b@t.test']);
  });

  it('an outbox that does not answer fails the person retryably and sends nothing', async () => {
    const { outbox, mailer, sender } = setup();
    outbox.down = true;
    expect(await sender.sendAll(work(['a']), 'invitation')).toEqual([
      expect.objectContaining({ userId: 'a', status: 'failed', code: 'COMMUNICATIONS.STORE_UNAVAILABLE', retryable: true }),
    ]);
    expect(mailer.sent).toHaveLength(0);
  });
});

function pending(userId: string): OutboxMessage {
  return {
    _id: `t:j1:1:${userId}`,
    tenantId: 't',
    userId,
    jobId: 'j1',
    step: 1,
    kind: 'invitation',
    to: `${userId}@t.test`,
    language: 'nl',
    subject: 'Je bent uitgenodigd voor Cohort',
    status: 'pending',
    attempts: 1,
    claimedUntil: null,
    sentAt: null,
    messageId: null,
    error: null,
    createdAt: new Date(),
  };
}
