import { WorkResultsPublisher } from '@cohort/messaging';
import { Mailer } from '../mail/mailer';
import { FakeMailer, FakeOutbox } from '../outbox/fake-outbox';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxSender } from '../outbox/outbox.sender';
import { DeferredMailPump, PUMP_IDLE_MS } from './deferred-mail.pump';
import { MailPace } from './mail-pace';

/** The pump looks for deferred mail (a scan of the outbox on FerretDB) only when there may be some. */
describe('DeferredMailPump', () => {
  function setup() {
    const outbox = new FakeOutbox();
    const looks = jest.spyOn(outbox, 'dueDeferred');
    const pace = new MailPace(0);
    const sender = new OutboxSender(outbox as unknown as OutboxRepository, new FakeMailer() as unknown as Mailer, pace);
    const published: unknown[] = [];
    const results = { publish: async (...args: unknown[]) => void published.push(args) } as unknown as WorkResultsPublisher;
    const pump = new DeferredMailPump(outbox as unknown as OutboxRepository, sender, pace, results);
    return { outbox, looks, pump };
  }

  afterEach(() => jest.useRealTimers());

  it('looks once when idle, then not again until something is deferred or PUMP_IDLE_MS has passed', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T08:00:00Z') });
    const { outbox, looks, pump } = setup();
    await pump.pump();
    await pump.pump();
    await pump.pump();
    expect(looks).toHaveBeenCalledTimes(1);

    jest.setSystemTime(Date.now() + 1000);
    outbox.lastDeferredAt = Date.now(); // this process deferred a message
    jest.setSystemTime(Date.now() + 1);
    await pump.pump();
    expect(looks).toHaveBeenCalledTimes(2);
    jest.setSystemTime(Date.now() + 200);
    await pump.pump();
    expect(looks).toHaveBeenCalledTimes(2);

    jest.setSystemTime(Date.now() + PUMP_IDLE_MS); // mail another replica deferred before it stopped
    await pump.pump();
    expect(looks).toHaveBeenCalledTimes(3);
  });
});
