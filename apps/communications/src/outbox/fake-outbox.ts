import { OutgoingMail } from '../mail/mailer';
import { OutboxMessage } from './outbox-message';

/**
 * For unit specs: an in-memory outbox with the repository's insert-or-find, claim of a free pending
 * message, deferral and the pump's query; `down` makes every call fail as an unreachable store would.
 */
export class FakeOutbox {
  readonly docs = new Map<string, OutboxMessage>();
  down = false;

  private up(): void {
    if (this.down) throw new Error('connection refused');
  }
  async create(message: OutboxMessage) {
    this.up();
    const stored = this.docs.get(message._id);
    if (stored) return { created: false, message: { ...stored } };
    this.docs.set(message._id, { ...message });
    return { created: true, message };
  }
  async claim(id: string, now: Date, until: Date) {
    const m = this.docs.get(id);
    if (!m || m.status !== 'pending' || (m.claimedUntil && m.claimedUntil > now)) return undefined;
    Object.assign(m, { claimedUntil: until, attempts: m.attempts + 1 });
    return { ...m };
  }
  async get(id: string) {
    return this.docs.get(id);
  }
  async markSent({ _id: id }: Pick<OutboxMessage, '_id'>, messageId: string, sentAt: Date) {
    Object.assign(this.docs.get(id)!, { status: 'sent', messageId, sentAt, claimedUntil: null, deferred: undefined });
  }
  async markFailed({ _id: id }: Pick<OutboxMessage, '_id'>, error: string) {
    Object.assign(this.docs.get(id)!, { status: 'failed', error, claimedUntil: null, deferred: undefined });
  }
  async release(id: string, error: string) {
    Object.assign(this.docs.get(id)!, { error, claimedUntil: null });
  }
  lastDeferredAt = 0;
  async defer(id: string, deferred: OutboxMessage['deferred']) {
    Object.assign(this.docs.get(id)!, { deferred, claimedUntil: null });
    this.lastDeferredAt = Date.now();
  }
  async holdPending(tenantId: string, userIds: string[], jobId: string) {
    this.up();
    let held = 0;
    for (const m of this.docs.values()) {
      if (m.tenantId === tenantId && userIds.includes(m.userId) && m.status === 'pending') {
        Object.assign(m, { status: 'held', heldBy: jobId });
        held++;
      }
    }
    return held;
  }
  async dueDeferred(now: Date, limit: number) {
    return [...this.docs.values()].filter((m) => m.status === 'pending' && m.deferred && (!m.claimedUntil || m.claimedUntil <= now)).slice(0, limit);
  }
}

/** For unit specs: a mailer that records what it sent, failing for the addresses given an error. */
export class FakeMailer {
  readonly sent: OutgoingMail[] = [];
  readonly failFor = new Map<string, unknown>();
  async send(mail: OutgoingMail): Promise<string> {
    const err = this.failFor.get(mail.to);
    if (err) throw err;
    this.sent.push(mail);
    return `<m${this.sent.length}@maildev>`;
  }
}
