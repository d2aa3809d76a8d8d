import type { Model } from 'mongoose';
import { StagedInvitee } from './staged-invitee.schema';
import { DELETE_BATCH, StagedInviteesRepository } from './staged-invitees.repository';

/** A model stub over `count` stored rows that records every delete's filter. */
function model(count: number) {
  const deletes: unknown[] = [];
  const exec = <T>(value: T) => ({ exec: async () => value });
  const rows = {
    find: () => ({ lean: () => exec(Array.from({ length: count }, (_, i) => ({ _id: `t:imp-x-${i}` }))) }),
    deleteMany: (filter: unknown) => {
      deletes.push(filter);
      return exec({ deletedCount: 0 });
    },
  } as unknown as Model<StagedInvitee>;
  return { repository: new StagedInviteesRepository(rows), deletes };
}

describe('StagedInviteesRepository deletes', () => {
  it(`discards a 100,000-row import by _id, ${DELETE_BATCH} ids per delete (FerretDB's SQLite binds each id)`, async () => {
    const { repository, deletes } = model(100_000);
    await repository.discard('t', 'x');
    expect(deletes).toHaveLength(100_000 / DELETE_BATCH);
    for (const filter of deletes as { _id: { $in: string[] } }[]) expect(filter._id.$in).toHaveLength(DELETE_BATCH);
    expect((deletes[99] as { _id: { $in: string[] } })._id.$in.at(-1)).toBe('t:imp-x-99999');
  });

  it('purges expired rows the same way, and sends no delete when nothing matched', async () => {
    const some = model(1500);
    await some.repository.purgeExpired('t', new Date());
    expect((some.deletes as { _id: { $in: string[] } }[]).map((f) => f._id.$in.length)).toEqual([1000, 500]);
    const none = model(0);
    await none.repository.purgeExpired('t', new Date());
    expect(none.deletes).toEqual([]);
  });
});
