import { ItemCounts } from '@cohort/contracts';

/** Finished people per second over a sliding window of recent samples, and the ETA it gives. */
export class RateMeter {
  private readonly samples: { at: number; finished: number }[] = [];

  constructor(private readonly windowMs = 10_000) {}

  sample(counts: ItemCounts, now = Date.now()): void {
    this.samples.push({ at: now, finished: finishedOf(counts) });
    while (this.samples.length > 2 && now - this.samples[0].at > this.windowMs) this.samples.shift();
  }

  get ratePerSecond(): number {
    if (this.samples.length < 2) return 0;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const seconds = (last.at - first.at) / 1000;
    return seconds > 0 ? Math.max(0, (last.finished - first.finished) / seconds) : 0;
  }

  etaSeconds(counts: ItemCounts, total: number | null): number | null {
    const rate = this.ratePerSecond;
    if (total === null || rate <= 0) return null;
    return Math.max(0, Math.round((total - finishedOf(counts)) / rate));
  }
}

export function finishedOf(c: ItemCounts): number {
  return c.succeeded + c.skipped + c.failed + c.cancelled;
}
