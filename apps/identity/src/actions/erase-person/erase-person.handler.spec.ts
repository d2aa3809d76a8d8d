import { ExportsRepository } from '../../exports/exports.repository';
import { fakeStatusStores, statusWork } from '../status/fake-status-stores';
import { testPerson } from '../test-person';
import { decideErase, ErasePerson, ErasePersonHandler } from './erase-person.handler';

describe('decideErase', () => {
  it('erases someone pending deletion', () => {
    expect(decideErase('u1', testPerson({ status: 'pending-deletion' }))).toMatchObject({ outcome: { status: 'succeeded' }, erase: true });
  });

  it('refuses anyone not pending deletion, naming the status', () => {
    expect(decideErase('u1', testPerson()).outcome).toEqual({
      userId: 'u1',
      status: 'failed',
      code: 'IDENTITY.WRONG_STATUS',
      message: 'only a person pending deletion is erased; status is active',
      retryable: false,
    });
  });

  it('someone gone is erased already (a redelivery succeeds)', () => {
    expect(decideErase('u1', undefined)).toEqual({ outcome: { userId: 'u1', status: 'succeeded' } });
  });
});

/** What export jobs recorded: erase-person removes it for the erased people. */
const fakeExports = (writes: string[]) =>
  ({
    removeRowsOfPeople: async (_tenantId: string, userIds: readonly string[]) => {
      if (userIds.length) writes.push(`exports ${userIds.join(',')}`);
    },
  }) as unknown as ExportsRepository;

describe('ErasePersonHandler', () => {
  it('erases in one write with what exports recorded of them, takes them off the owners list, and succeeds again on redelivery', async () => {
    const stores = fakeStatusStores([testPerson({ userId: 'u1', status: 'pending-deletion' }), testPerson({ userId: 'u2' })], ['o1']);
    const handler = new ErasePersonHandler(stores.people, stores.tenants, fakeExports(stores.writes));
    const work = statusWork('erase-person', ['u1', 'u2'], { step: 4 });
    expect((await handler.execute(new ErasePerson(work))).map((o) => o.code ?? o.status)).toEqual(['succeeded', 'IDENTITY.WRONG_STATUS']);
    expect(stores.writes).toEqual(['exports u1', 'erase u1', 'remove u1']);
    expect(stores.stored.has('u1')).toBe(false);
    stores.writes.length = 0;
    expect((await handler.execute(new ErasePerson({ ...work, attempt: 2 }))).map((o) => o.code ?? o.status)).toEqual([
      'succeeded',
      'IDENTITY.WRONG_STATUS',
    ]);
    expect(stores.writes).toEqual([]);
  });

  it('a dry run erases nothing', async () => {
    const stores = fakeStatusStores([testPerson({ status: 'pending-deletion' })]);
    const outcomes = await new ErasePersonHandler(stores.people, stores.tenants, fakeExports(stores.writes)).execute(
      new ErasePerson(statusWork('erase-person', ['u1']), true),
    );
    expect(outcomes).toEqual([{ userId: 'u1', status: 'succeeded', before: 'pending-deletion' }]);
    expect(stores.writes).toEqual([]);
  });
});
