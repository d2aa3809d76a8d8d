import { PersonView, WorkChunk } from '@cohort/contracts';
import { MailConfig } from '../../communications.config';
import { Mailer } from '../../mail/mailer';
import { IdentityPeopleClient, IdentityUnavailableError, PersonLookup } from '../../notifications/identity-people.client';
import { FakeMailer, FakeOutbox } from '../../outbox/fake-outbox';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { OutboxSender } from '../../outbox/outbox.sender';
import { MailPace } from '../../pacing/mail-pace';
import { LearningMailSender } from './learning-mail.sender';

/** identity as the sender sees it: the people it knows, and which look-ups it cannot answer. */
class FakeIdentity {
  readonly people_ = new Map<string, PersonView>();
  down = false;
  readonly asked: string[][] = [];
  async people(_tenantId: string, userIds: readonly string[]) {
    this.asked.push([...userIds]);
    const found = new Map<string, PersonLookup | IdentityUnavailableError>();
    for (const id of userIds) found.set(id, this.down ? new IdentityUnavailableError('identity: ECONNREFUSED') : (this.people_.get(id) ?? null));
    return found;
  }
  add(userId: string, fields: Partial<PersonView> = {}) {
    this.people_.set(userId, {
      userId,
      tenantId: 't',
      email: `${userId}@t.test`,
      name: userId.toUpperCase(),
      language: 'en',
      status: 'active',
      ...fields,
    } as PersonView);
  }
}

const CONFIG: MailConfig = { smtpUrl: 'smtp://x', from: 'Cohort <no-reply@x>', publicUrl: 'https://cohort.example', sendRate: 0, sendBurst: 1 };
const work = (action: string, data: Record<string, Record<string, unknown>>, over: Partial<WorkChunk> = {}): WorkChunk => ({
  jobId: 'j1',
  step: 1,
  chunk: 0,
  attempt: 1,
  tenantId: 't',
  action,
  params: {},
  userIds: Object.keys(data),
  data,
  ...over,
});

function setup(pace = new MailPace(0)) {
  const outbox = new FakeOutbox();
  const mailer = new FakeMailer();
  const identity = new FakeIdentity();
  const outboxSender = new OutboxSender(outbox as unknown as OutboxRepository, mailer as unknown as Mailer, pace);
  const sender = new LearningMailSender(outboxSender, identity as unknown as IdentityPeopleClient, CONFIG);
  return { outbox, mailer, identity, sender };
}

describe('LearningMailSender', () => {
  it('enrolled: each person once, in their language, with their name, the courses and the courses link', async () => {
    const { outbox, mailer, identity, sender } = setup();
    identity.add('a', { name: 'Anna', language: 'nl' });
    identity.add('b', { name: 'Ben', language: 'en' });
    const data = { kind: 'enrolled', courseTitles: ['Veilig werken'] };
    const outcomes = await sender.sendAll(work('send-enrolled', { a: data, b: { ...data, courseTitles: ['Safety', 'First aid'] } }), 'enrolled');
    expect(outcomes).toEqual([
      { userId: 'a', status: 'succeeded' },
      { userId: 'b', status: 'succeeded' },
    ]);
    expect(mailer.sent.map((m) => [m.to, m.subject, m.language])).toEqual([
      ['a@t.test', 'Je bent ingeschreven voor Veilig werken', 'nl'],
      ['b@t.test', 'You are enrolled in 2 courses', 'en'],
    ]);
    expect(mailer.sent[0].text).toContain('Hallo Anna,');
    expect(mailer.sent[0].text).toContain('https://cohort.example/console/#/courses');
    expect(mailer.sent[1].text).toContain('First aid');
    expect(outbox.docs.get('t:j1:1:a')).toMatchObject({ kind: 'enrolled', to: 'a@t.test', language: 'nl', status: 'sent', attempts: 1 });
  });

  it('task-assigned: the task, its due date and the tasks link', async () => {
    const { mailer, identity, sender } = setup();
    identity.add('a');
    const outcomes = await sender.sendAll(
      work('send-task-assigned', { a: { kind: 'task-assigned', taskTitle: 'Read the handbook', dueDate: '2030-01-31' } }),
      'task-assigned',
    );
    expect(outcomes).toEqual([{ userId: 'a', status: 'succeeded' }]);
    expect(mailer.sent[0].subject).toBe('New task: Read the handbook');
    expect(mailer.sent[0].text).toContain('2030');
    expect(mailer.sent[0].text).toContain('https://cohort.example/console/#/tasks');
  });

  it('certificate-awarded: the course and a link to the certificate page (linked, not attached)', async () => {
    const { outbox, mailer, identity, sender } = setup();
    identity.add('a', { language: 'de' });
    const w = work('send-certificate-awarded', { a: { kind: 'certificate-awarded', courseTitle: 'Erste Hilfe', certificateId: 'cert-7' } });
    expect(await sender.sendAll(w, 'certificate-awarded')).toEqual([{ userId: 'a', status: 'succeeded' }]);
    expect(mailer.sent[0]).toMatchObject({ language: 'de' });
    expect(mailer.sent[0].subject).toContain('Erste Hilfe');
    expect(mailer.sent[0].text).toContain('https://cohort.example/console/#/certificates/cert-7');
    expect(outbox.docs.get('t:j1:1:a')?.kind).toBe('certificate-awarded');
  });

  it('a redelivered chunk sends nothing again and succeeds', async () => {
    const { mailer, identity, sender } = setup();
    identity.add('a');
    const w = work('send-task-assigned', { a: { kind: 'task-assigned', taskTitle: 'T' } });
    await sender.sendAll(w, 'task-assigned');
    expect(await sender.sendAll({ ...w, attempt: 2 }, 'task-assigned')).toEqual([{ userId: 'a', status: 'succeeded' }]);
    expect(mailer.sent).toHaveLength(1);
  });

  it('missing or invalid data fails the person for good naming the field, without asking identity or writing the outbox', async () => {
    const { outbox, mailer, identity, sender } = setup();
    identity.add('a');
    identity.add('b');
    const w = work('send-enrolled', { a: {}, b: { kind: 'enrolled', courseTitles: [] } }, { userIds: ['a', 'b', 'c'] });
    const outcomes = await sender.sendAll(w, 'enrolled');
    expect(outcomes.map((o) => [o.userId, o.status, o.code, o.retryable])).toEqual([
      ['a', 'failed', 'COMMUNICATIONS.NO_MAIL_DATA', false],
      ['b', 'failed', 'COMMUNICATIONS.NO_MAIL_DATA', false],
      ['c', 'failed', 'COMMUNICATIONS.NO_MAIL_DATA', false],
    ]);
    expect(outcomes[1].message).toContain('data.courseTitles');
    expect(identity.asked).toEqual([]);
    expect(mailer.sent).toHaveLength(0);
    expect(outbox.docs.size).toBe(0);
  });

  it('a person not active is skipped, an unknown one not found, and identity unreachable is retryable; none is mailed', async () => {
    const { mailer, identity, sender } = setup();
    identity.add('off', { status: 'deactivated' });
    identity.add('inv', { status: 'invited' });
    const data = { kind: 'task-assigned', taskTitle: 'T' };
    const outcomes = await sender.sendAll(work('send-task-assigned', { off: data, inv: data, ghost: data }), 'task-assigned');
    expect(outcomes.map((o) => [o.userId, o.status, o.code])).toEqual([
      ['off', 'skipped', 'COMMUNICATIONS.NOT_REACHABLE'],
      ['inv', 'skipped', 'COMMUNICATIONS.NOT_REACHABLE'],
      ['ghost', 'failed', 'COMMUNICATIONS.NOT_FOUND'],
    ]);
    identity.down = true;
    expect(await sender.sendAll(work('send-task-assigned', { off: data }), 'task-assigned')).toEqual([
      { userId: 'off', status: 'failed', code: 'COMMUNICATIONS.IDENTITY_UNAVAILABLE', message: 'identity: ECONNREFUSED', retryable: true },
    ]);
    expect(mailer.sent).toHaveLength(0);
  });

  it('over the send rate a person is deferred with what the pump needs to render it later', async () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const { outbox, mailer, identity, sender } = setup(new MailPace(1, 1));
      identity.add('a');
      identity.add('b', { name: 'Bea' });
      const data = { kind: 'certificate-awarded', courseTitle: 'C', certificateId: 'c1' };
      const outcomes = await sender.sendAll(work('send-certificate-awarded', { a: data, b: data }), 'certificate-awarded');
      expect(outcomes.map((o) => [o.userId, o.status])).toEqual([
        ['a', 'succeeded'],
        ['b', 'deferred'],
      ]);
      expect(mailer.sent).toHaveLength(1);
      expect(outbox.docs.get('t:j1:1:b')).toMatchObject({
        kind: 'certificate-awarded',
        status: 'pending',
        deferred: {
          vars: { name: 'Bea', courseTitle: 'C', link: 'https://cohort.example/console/#/certificates/c1' },
          result: { jobId: 'j1', step: 1 },
        },
      });
    } finally {
      jest.useRealTimers();
    }
  });
});
