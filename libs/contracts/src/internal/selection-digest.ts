import { createHash } from 'node:crypto';

/** Order-independent digest of a set of user ids: XOR of sha256(id), hex (see SelectionDigest). */
export class DigestAccumulator {
  private readonly acc = Buffer.alloc(32);
  count = 0;

  add(userId: string): void {
    const h = createHash('sha256').update(userId).digest();
    for (let i = 0; i < 32; i++) this.acc[i] ^= h[i];
    this.count++;
  }

  get digest(): string {
    return this.acc.toString('hex');
  }
}
