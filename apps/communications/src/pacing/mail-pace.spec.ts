import { MailPace } from './mail-pace';

describe('MailPace', () => {
  afterEach(() => jest.useRealTimers());

  it('allows a burst, then the rate per second', () => {
    jest.useFakeTimers({ now: 0 });
    const pace = new MailPace(10, 3);
    expect([pace.take(), pace.take(), pace.take(), pace.take()]).toEqual([true, true, true, false]);
    jest.setSystemTime(250); // 2.5 sends refilled
    expect(pace.available()).toBe(2);
    expect([pace.take(), pace.take(), pace.take()]).toEqual([true, true, false]);
    jest.setSystemTime(10_000);
    expect(pace.available()).toBe(3); // never more than the burst
  });

  it('0 means unlimited', () => {
    const pace = new MailPace(0);
    for (let i = 0; i < 1000; i++) expect(pace.take()).toBe(true);
  });
});
