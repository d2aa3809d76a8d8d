import { IdentityLookupError } from '@cohort/common';
import { fakeGroups, fakeIdentity, fakeMemberships, group, membership, work } from '../test-fakes';
import { AddShare, AddShareHandler } from './add-share.handler';

const TEAMS = [group('team-a', { kind: 'team', managerUserIds: ['m1'] }), group('club', { kind: 'group', managerUserIds: ['m2'] })];

function setup(known: string[] | IdentityLookupError = ['u1', 'u2', 'u3', 'm1', 'm2']) {
  const memberships = fakeMemberships([membership('u2', { groupIds: ['team-a'] }), membership('u3', { sharedWith: ['m1'] })]);
  return { ...memberships, handler: new AddShareHandler(fakeIdentity(known), fakeGroups(TEAMS), memberships.repo) };
}
const chunk = (userIds: string[], managerUserId = 'm1', attempt = 1) => work('add-share', userIds, { managerUserId }, { attempt });

describe('AddShareHandler', () => {
  it('shares each person once; own team, the manager and already shared are skipped; unknown fails', async () => {
    const { handler, store, writes } = setup();
    const outcomes = await handler.execute(new AddShare(chunk(['u1', 'u2', 'm1', 'u3', 'u9'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual([
      'succeeded',
      'MEMBERSHIP.OWN_TEAM',
      'MEMBERSHIP.SELF',
      'MEMBERSHIP.ALREADY_SHARED',
      'MEMBERSHIP.NOT_FOUND',
    ]);
    expect(store.get('u1')?.sharedWith).toEqual(['m1']);
    expect(writes.flat().map((w) => w.userId)).toEqual(['u1']);

    expect(await handler.execute(new AddShare(chunk(['u1', 'u2', 'm1', 'u3', 'u9'], 'm1', 2)))).toEqual(outcomes);
    expect(writes).toHaveLength(1);
  });

  it('fails everyone with NOT_A_MANAGER when the target manages no team or is unknown', async () => {
    const { handler, writes } = setup();
    for (const manager of ['m2', 'u1', 'ghost']) {
      const outcomes = await handler.execute(new AddShare(chunk(['u1', 'u3'], manager)));
      expect(outcomes.map((o) => [o.code, o.message])).toEqual([
        ['MEMBERSHIP.NOT_A_MANAGER', `${manager} is not a manager of a team in the tenant`],
        ['MEMBERSHIP.NOT_A_MANAGER', `${manager} is not a manager of a team in the tenant`],
      ]);
    }
    const managerUnknown = setup(['u1']);
    expect((await managerUnknown.handler.execute(new AddShare(chunk(['u1']))))[0].code).toBe('MEMBERSHIP.NOT_A_MANAGER');
    expect(writes).toEqual([]);
  });

  it('a dry run writes nothing and shows sharedWith before → after', async () => {
    const { handler, writes } = setup();
    expect(await handler.execute(new AddShare(chunk(['u1']), true))).toEqual([
      { userId: 'u1', status: 'succeeded', before: [], data: { after: ['m1'] } },
    ]);
    expect(writes).toEqual([]);
  });

  it('identity unavailable fails everyone retryably; bad params name the field', async () => {
    const down = setup(new IdentityLookupError('identity: timeout'));
    expect((await down.handler.execute(new AddShare(chunk(['u1']))))[0]).toMatchObject({ code: 'MEMBERSHIP.IDENTITY_UNAVAILABLE', retryable: true });
    const { handler } = setup();
    const [bad] = await handler.execute(new AddShare(work('add-share', ['u1'], { managerUserId: 'a b' })));
    expect(bad).toMatchObject({ code: 'MEMBERSHIP.INVALID_PARAMS', message: expect.stringMatching(/^params\.managerUserId: /) });
  });
});
