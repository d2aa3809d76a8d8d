import { IdentityLookupError } from '@cohort/common';
import { fakeGroups, fakeIdentity, fakeMemberships, group, membership, work } from '../test-fakes';
import { RemoveFromGroups, RemoveFromGroupsHandler } from './remove-from-groups.handler';

function setup(
  docs = [membership('u1', { groupIds: ['g1', 'g2', 'g3'] }), membership('u2', { groupIds: ['g3'] })],
  known: string[] | IdentityLookupError = ['u1', 'u2'],
) {
  const memberships = fakeMemberships(docs);
  const groups = fakeGroups([group('g1'), group('g2'), group('g3')]);
  return { ...memberships, handler: new RemoveFromGroupsHandler(fakeIdentity(known), groups, memberships.repo, memberships.facts) };
}
const chunk = (userIds: string[], groupIds: unknown = ['g1', 'g2'], over = {}) => work('remove-from-groups', userIds, { groupIds }, over);

describe('RemoveFromGroupsHandler', () => {
  it('removes the groups each person is in; someone in none is skipped, an unknown id fails', async () => {
    const { handler, store, writes } = setup();
    const outcomes = await handler.execute(new RemoveFromGroups(chunk(['u1', 'u2', 'u9'])));
    expect(outcomes).toEqual([
      { userId: 'u1', status: 'succeeded', before: ['g1', 'g2'] },
      { userId: 'u2', status: 'skipped', code: 'MEMBERSHIP.NOT_MEMBER', message: 'not a member of any of the teams or groups' },
      { userId: 'u9', status: 'failed', code: 'MEMBERSHIP.NOT_FOUND', message: 'person not found', retryable: false },
    ]);
    expect(store.get('u1')?.groupIds).toEqual(['g3']);
    expect(writes).toHaveLength(1);
  });

  it('a redelivery gives the same outcomes and writes nothing more', async () => {
    const { handler, writes } = setup();
    const first = await handler.execute(new RemoveFromGroups(chunk(['u1', 'u2'])));
    expect(await handler.execute(new RemoveFromGroups(chunk(['u1', 'u2'], ['g1', 'g2'], { attempt: 2 })))).toEqual(first);
    expect(writes).toHaveLength(1);
  });

  it('an unknown group fails every person and writes nothing', async () => {
    const { handler, writes } = setup();
    const outcomes = await handler.execute(new RemoveFromGroups(chunk(['u1', 'u2'], ['g1', 'gx'])));
    expect(outcomes.map((o) => o.code)).toEqual(['MEMBERSHIP.GROUP_NOT_FOUND', 'MEMBERSHIP.GROUP_NOT_FOUND']);
    expect(writes).toEqual([]);
  });

  it('a dry run writes nothing and shows before → after', async () => {
    const { handler, writes } = setup();
    const [outcome] = await handler.execute(new RemoveFromGroups(chunk(['u1']), true));
    expect(outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['g1', 'g2', 'g3'], data: { after: ['g3'] } });
    expect(writes).toEqual([]);
  });

  it('identity unavailable fails everyone retryably', async () => {
    const { handler } = setup(undefined, new IdentityLookupError('identity answered HTTP 503 to a people lookup'));
    const outcomes = await handler.execute(new RemoveFromGroups(chunk(['u1', 'u2'])));
    expect(outcomes.map((o) => [o.code, o.retryable])).toEqual([
      ['MEMBERSHIP.IDENTITY_UNAVAILABLE', true],
      ['MEMBERSHIP.IDENTITY_UNAVAILABLE', true],
    ]);
  });

  describe('as the compensation of add-to-groups (step >= 100)', () => {
    const compensation = (userIds: string[], attempt = 1) => chunk(userIds, ['g1', 'g2'], { step: 100, attempt });

    it('removes per person exactly what step 0 added, whatever the params; no marker: succeeded, nothing written', async () => {
      const added = membership('u1', { groupIds: ['g1', 'g2', 'g3'], ops: [{ k: 'j:0', b: ['g3'] }] });
      const { handler, store, writes } = setup([added, membership('u2', { groupIds: ['g1'] })], new IdentityLookupError('not asked'));
      const outcomes = await handler.execute(new RemoveFromGroups(compensation(['u1', 'u2', 'u9'])));
      expect(outcomes).toEqual([
        { userId: 'u1', status: 'succeeded', before: ['g3'] },
        { userId: 'u2', status: 'succeeded', before: [] },
        { userId: 'u9', status: 'succeeded', before: [] },
      ]);
      expect(store.get('u1')?.groupIds).toEqual(['g1', 'g2']);
      expect(store.get('u2')?.groupIds).toEqual(['g1']);
      expect(writes.flat().map((w) => w.op.k)).toEqual(['j:100']);
      expect(store.has('u9')).toBe(false);

      expect(await handler.execute(new RemoveFromGroups(compensation(['u1', 'u2', 'u9'], 2)))).toEqual(outcomes);
      expect(writes).toHaveLength(1);
    });
  });
});
