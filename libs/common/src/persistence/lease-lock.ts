import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Collection } from 'mongodb';

const DUPLICATE_KEY = 11000;

export interface Lease {
  /** what is locked, e.g. `owners:<tenantId>` */
  _id: string;
  holder: string;
  /** a lease past this was left by a holder that died: the next taker removes it */
  until: Date;
}

export interface LeaseLockOptions {
  /** how long a lease lasts: longer than any critical section it guards */
  ttlMs: number;
  /** how long to wait for a busy lock before giving up */
  waitMs: number;
}

/**
 * A mutual-exclusion lease on one key, correct on any MongoDB-protocol store. Conditional updates are
 * not enough on FerretDB 1.x, which runs `findOneAndUpdate`/`updateOne` as a read and a separate write
 * (measured: two of two concurrent "remove this Owner if another remains" both passed). Inserting a
 * document with a unique `_id` is atomic everywhere, so the lease is taken by inserting it and given
 * back by deleting it. A holder that dies leaves a lease that expires after `ttlMs`.
 */
export class LeaseLock {
  constructor(
    private readonly leases: Collection<Lease>,
    private readonly options: LeaseLockOptions = { ttlMs: 10_000, waitMs: 20_000 },
  ) {}

  /** Runs `critical` while holding the lease on `key`; throws if the lock stays busy for `waitMs`. */
  async run<T>(key: string, critical: () => Promise<T>): Promise<T> {
    const holder = randomUUID();
    await this.acquire(key, holder);
    try {
      return await critical();
    } finally {
      await this.leases.deleteOne({ _id: key, holder }).catch(() => undefined);
    }
  }

  private async acquire(key: string, holder: string): Promise<void> {
    const deadline = Date.now() + this.options.waitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.leases.insertOne({ _id: key, holder, until: new Date(Date.now() + this.options.ttlMs) });
        return;
      } catch (err) {
        if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
      }
      const current = await this.leases.findOne({ _id: key });
      if (current && current.until.getTime() < Date.now()) await this.leases.deleteOne({ _id: key, holder: current.holder });
      if (Date.now() > deadline) throw new Error(`${key} stayed locked for ${this.options.waitMs} ms`);
      await sleep(Math.min(5 * 2 ** attempt, 200) * (0.5 + Math.random()));
    }
  }
}
