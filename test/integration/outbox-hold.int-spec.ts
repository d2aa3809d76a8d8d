import { randomUUID } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';
import { OutboxMessage, outboxId } from '../../apps/communications/src/outbox/outbox-message';
import { pendingMessage } from '../../apps/communications/src/outbox/outbox.sender';
import { OutboxByPerson, OutboxRepository } from '../../apps/communications/src/outbox/outbox.repository';

const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27018/';

/**
 * hold-messages on the real store: a person's pending messages are found through `outbox_by_person` (by
 * `_id`, the one lookup FerretDB 1.x serves from an index) instead of an `updateMany` by person that decoded
 * the whole outbox for every chunk. What a deactivated person must get: nothing more; what others keep: all.
 */
describe('outbox: holding a person’s pending messages', () => {
  let connection: Connection;
  let repo: OutboxRepository;
  const tenant = `hold-${randomUUID().slice(0, 8)}`;
  const other = `${tenant}-b`;

  /** A message as a send writes it (pending, claimed by its delivery), through the service's own builder. */
  const message = (tenantId: string, userId: string, jobId: string): OutboxMessage =>
    pendingMessage(outboxId({ tenantId, jobId, step: 0 }, userId), { tenantId, userId, jobId, step: 0 }, 'notification', `${userId}@example.test`, {
      subject: 'Hello',
      html: '<p>Hello</p>',
      text: 'Hello',
      language: 'en',
    });

  beforeAll(async () => {
    connection = await mongoose.createConnection(MONGO_URL, { dbName: `test_hold_${randomUUID().slice(0, 8)}` }).asPromise();
    repo = new OutboxRepository(connection);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const statusOf = async (id: string) => (await repo.get(id))?.status;

  it('holds the pending messages of the chunk’s people only, leaves sent ones and everyone else’s alone, and is idempotent', async () => {
    const pending1 = message(tenant, 'ana', 'job-1');
    const pending2 = message(tenant, 'ana', 'job-2');
    const sent = message(tenant, 'ana', 'job-3');
    const bob = message(tenant, 'bob', 'job-1');
    const sameIdOtherTenant = message(other, 'ana', 'job-1');
    for (const m of [pending1, pending2, sent, bob, sameIdOtherTenant]) expect((await repo.create(m)).created).toBe(true);
    await repo.markSent(sent, '<x@test>', new Date());

    expect(await repo.holdPending(tenant, ['ana', 'nobody'], 'deactivate-1')).toBe(2);

    expect(await statusOf(pending1._id)).toBe('held');
    expect((await repo.get(pending2._id))?.heldBy).toBe('deactivate-1');
    expect(await statusOf(sent._id)).toBe('sent');
    expect(await statusOf(bob._id)).toBe('pending');
    expect(await statusOf(sameIdOtherTenant._id)).toBe('pending');
    // a redelivered chunk holds nothing more, and the person's entry no longer lists what was looked at
    expect(await repo.holdPending(tenant, ['ana'], 'deactivate-1')).toBe(0);
    const entry = await connection.collection<OutboxByPerson>('outbox_by_person').findOne({ _id: `${tenant}:ana` });
    expect(entry?.ids).toEqual([]);
  });

  it('holds a message written after an earlier hold, and a redelivered create does not lose its entry', async () => {
    const later = message(tenant, 'cleo', 'job-9');
    await repo.create(later);
    expect((await repo.create(later)).created).toBe(false); // the same chunk again
    expect(await repo.holdPending(tenant, ['cleo'], 'deactivate-2')).toBe(1);
    expect(await statusOf(later._id)).toBe('held');
  });
});
