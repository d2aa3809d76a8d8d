import { WorkChunk } from '@cohort/contracts';
import { SendNotification, SendNotificationHandler } from '../actions/send-notification/send-notification.handler';
import { fakeIdentity, fakeMailer, fakeNotifications, personView } from '../notifications/fake-notifications';
import { CopiesNotSentError, DeliverOnJoin, DeliverOnJoinHandler } from './deliver-on-join.handler';

const chunk = (jobId: string, email: boolean): WorkChunk =>
  ({
    jobId,
    tenantId: 't',
    step: 1,
    chunk: 0,
    attempt: 1,
    action: 'send-notification',
    actorId: 'a',
    params: { subject: 'S', body: 'B', email },
    userIds: ['ivy'],
  }) as WorkChunk;
const activated = new DeliverOnJoin({ type: 'person-activated', tenantId: 't', userId: 'ivy', at: '2025-05-01T10:00:00Z' });

/** Ivy gets two notifications while invited (one with an e-mail copy), then joins. */
async function waitingForIvy(smtpUp: () => boolean = () => true) {
  const store = fakeNotifications();
  const mail = fakeMailer((n) =>
    smtpUp()
      ? { userId: n.userId, status: 'succeeded' }
      : { userId: n.userId, status: 'failed', code: 'COMMUNICATIONS.SMTP_UNAVAILABLE', retryable: true },
  );
  const invited = new SendNotificationHandler(fakeIdentity({ ivy: personView('ivy', { status: 'invited' }) }), store.repo, mail.mailer);
  await invited.execute(new SendNotification(chunk('j1', true)));
  await invited.execute(new SendNotification(chunk('j2', false)));
  const handler = new DeliverOnJoinHandler(store.repo, fakeIdentity({ ivy: personView('ivy') }), mail.mailer);
  return { handler, docs: store.docs, sent: mail.sent };
}

describe('DeliverOnJoinHandler', () => {
  it('delivers everything waiting for the person and sends the copies asked for, once', async () => {
    const { handler, docs, sent } = await waitingForIvy();
    expect(sent).toEqual([]);
    await handler.execute(activated);
    expect([...docs.values()].every((n) => n.deliveredAt instanceof Date && !n.emailPending)).toBe(true);
    expect(sent).toEqual([{ id: 't:j1:ivy', to: 'ivy@t.test' }]);
  });

  it('a redelivered event changes nothing', async () => {
    const { handler, docs, sent } = await waitingForIvy();
    await handler.execute(activated);
    const deliveredAt = docs.get('t:j1:ivy')!.deliveredAt;
    await handler.execute(activated);
    expect(docs.get('t:j1:ivy')!.deliveredAt).toBe(deliveredAt);
    expect(sent).toHaveLength(1);
  });

  it('delivers in-app at once when SMTP is down, and throws so the event is retried for the copy', async () => {
    let up = false;
    const { handler, docs, sent } = await waitingForIvy(() => up);
    await expect(handler.execute(activated)).rejects.toBeInstanceOf(CopiesNotSentError);
    expect(docs.get('t:j1:ivy')).toMatchObject({ deliveredAt: expect.any(Date), emailPending: true });
    up = true;
    await handler.execute(activated);
    expect(sent).toHaveLength(1);
    expect(docs.get('t:j1:ivy')!.emailPending).toBe(false);
  });

  it('sends no copy to someone no longer active, and does not retry for it', async () => {
    const store = fakeNotifications();
    const mail = fakeMailer();
    await new SendNotificationHandler(fakeIdentity({ ivy: personView('ivy', { status: 'invited' }) }), store.repo, mail.mailer).execute(
      new SendNotification(chunk('j1', true)),
    );
    const handler = new DeliverOnJoinHandler(store.repo, fakeIdentity({ ivy: personView('ivy', { status: 'deactivated' }) }), mail.mailer);
    await handler.execute(activated);
    expect(mail.sent).toEqual([]);
    expect(store.docs.get('t:j1:ivy')!.emailPending).toBe(false);
  });
});
