import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The e-mail send rate of one communications process: a token bucket of `burst` sends refilled at
 * `ratePerSecond` (0: unlimited). Jobs never wait on it: what it holds back is deferred and sent by the
 * DeferredMailPump as the rate allows.
 */
export class MailPace {
  private tokens: number;
  private last = Date.now();

  constructor(
    readonly ratePerSecond: number,
    private readonly burst: number = Math.max(1, ratePerSecond),
  ) {
    this.tokens = this.burst;
  }

  /** Takes one send now if the rate allows it. */
  take(): boolean {
    if (this.ratePerSecond <= 0) return true;
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole sends the rate allows now. */
  available(): number {
    if (this.ratePerSecond <= 0) return Number.MAX_SAFE_INTEGER;
    this.refill();
    return Math.floor(this.tokens);
  }

  /** Waits for one send (for mails without a job to report a deferral to, e.g. on a person's activation). */
  async wait(): Promise<void> {
    while (!this.take()) await sleep(Math.ceil(1000 / this.ratePerSecond));
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
  }
}
