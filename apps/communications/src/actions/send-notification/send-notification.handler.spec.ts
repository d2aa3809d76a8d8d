import { PersonView, WorkChunk } from '@cohort/contracts';
import { fakeIdentity, fakeMailer, fakeNotifications, personView } from '../../notifications/fake-notifications';
import { PersonLookup } from '../../notifications/identity-people.client';
import { SendNotification, SendNotificationHandler } from './send-notification.handler';

const chunk = (userIds: string[], params: Record<string, unknown> = { subject: 'Hi', body: 'Read this', email: true }): WorkChunk =>
  ({ jobId: 'j1', tenantId: 't', step: 1, chunk: 0, attempt: 1, action: 'send-notification', actorId: 'admin', params, userIds }) as WorkChunk;

function setup(people: Record<string, PersonLookup | 'down'>) {
  const store = fakeNotifications();
  const mail = fakeMailer();
  const handler = new SendNotificationHandler(fakeIdentity(people), store.repo, mail.mailer);
  return { handler, docs: store.docs, sent: mail.sent };
}

describe('SendNotificationHandler', () => {
  const people: Record<string, PersonView | null | 'down'> = {
    ann: personView('ann'),
    ivy: personView('ivy', { status: 'invited' }),
    dan: personView('dan', { status: 'deactivated' }),
    ghost: null,
    lost: 'down',
  };

  it('delivers to the active, keeps it waiting for the invited, skips or fails the rest', async () => {
    const { handler, docs, sent } = setup(people);
    const outcomes = await handler.execute(new SendNotification(chunk(['ann', 'ivy', 'dan', 'ghost', 'lost'])));
    expect(outcomes).toEqual([
      { userId: 'ann', status: 'succeeded' },
      { userId: 'ivy', status: 'succeeded', data: { delivery: 'on-join' } },
      expect.objectContaining({ userId: 'dan', status: 'skipped', code: 'COMMUNICATIONS.NOT_REACHABLE' }),
      expect.objectContaining({ userId: 'ghost', status: 'failed', code: 'COMMUNICATIONS.NOT_FOUND', retryable: false }),
      expect.objectContaining({ userId: 'lost', status: 'failed', code: 'COMMUNICATIONS.IDENTITY_UNAVAILABLE', retryable: true }),
    ]);
    expect([...docs.keys()]).toEqual(['t:j1:ann', 't:j1:ivy']);
    expect(docs.get('t:j1:ann')).toMatchObject({ deliveredAt: expect.any(Date), emailPending: false });
    expect(docs.get('t:j1:ivy')).toMatchObject({ deliveredAt: null, emailPending: true });
    expect(sent).toEqual([{ id: 't:j1:ann', to: 'ann@t.test' }]);
  });

  it('a redelivered chunk writes no second notification and gives the same outcomes', async () => {
    const { handler, docs, sent } = setup(people);
    const first = await handler.execute(new SendNotification(chunk(['ann', 'ivy'])));
    const again = await handler.execute(new SendNotification(chunk(['ann', 'ivy'])));
    expect(again).toEqual(first);
    expect(docs.size).toBe(2);
    expect(sent).toHaveLength(1);
  });

  it('delivers (and mails) itself when the invited person joined before the notification was stored', async () => {
    let asked = 0;
    const joining = {
      people: async () => new Map([['ivy', personView('ivy', { status: 'invited' })]]), // invited at the look-up
      person: async () => (asked++, personView('ivy')), // joined by the time it is stored
    };
    const store = fakeNotifications();
    const mail = fakeMailer();
    const handler = new SendNotificationHandler(joining as never, store.repo, mail.mailer);
    expect(await handler.execute(new SendNotification(chunk(['ivy'])))).toEqual([{ userId: 'ivy', status: 'succeeded' }]);
    expect(asked).toBe(1);
    expect(store.docs.get('t:j1:ivy')).toMatchObject({ deliveredAt: expect.any(Date), emailPending: false });
    expect(mail.sent).toHaveLength(1);
  });

  it('sends no e-mail copy unless asked', async () => {
    const { handler, sent } = setup(people);
    await handler.execute(new SendNotification(chunk(['ann'], { subject: 'Hi', body: 'x' })));
    expect(sent).toEqual([]);
  });

  it('fails everyone, naming the field, when the parameters are wrong', async () => {
    const { handler, docs } = setup(people);
    const outcomes = await handler.execute(new SendNotification(chunk(['ann'], { subject: '', body: 'x' })));
    expect(outcomes).toEqual([
      {
        userId: 'ann',
        status: 'failed',
        code: 'COMMUNICATIONS.INVALID_PARAMS',
        message: expect.stringMatching(/^params\.subject: /),
        retryable: false,
      },
    ]);
    expect(docs.size).toBe(0);
  });
});
