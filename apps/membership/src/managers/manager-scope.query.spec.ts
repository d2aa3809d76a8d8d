import { fakeGroups, fakeMemberships, group, membership } from '../actions/test-fakes';
import { GetManagerScope, GetManagerScopeHandler, scopeOf } from './manager-scope.query';

describe('scopeOf', () => {
  it('joins team members and shared people, each once, without the manager, by id', () => {
    expect(
      scopeOf('m1', [
        ['b', 'm1', 'a'],
        ['c', 'a'],
      ]),
    ).toEqual({ userIds: ['a', 'b', 'c'], truncated: false });
  });

  it('cuts at the maximum and says so', () => {
    expect(scopeOf('m1', [['a', 'b', 'c']], 2)).toEqual({ userIds: ['a', 'b'], truncated: true });
    expect(scopeOf('m1', [['a', 'm1']], 1)).toEqual({ userIds: ['a'], truncated: false });
  });
});

describe('GetManagerScopeHandler', () => {
  it('asks for the members of the teams the manager manages and the people shared with them', async () => {
    const { repo } = fakeMemberships([membership('u1'), membership('u2')]);
    const asked: unknown[] = [];
    Object.assign(repo, {
      membersOf: async (_t: string, teamIds: string[], limit: number) => (asked.push(['members', teamIds, limit]), ['u1', 'm1']),
      sharedWith: async (_t: string, manager: string, limit: number) => (asked.push(['shared', manager, limit]), ['u2']),
    });
    const groups = fakeGroups([group('t1', { kind: 'team', managerUserIds: ['m1'] }), group('g1', { managerUserIds: ['m1'] })]);
    const scope = await new GetManagerScopeHandler(groups, repo).execute(new GetManagerScope('t', 'm1'));
    expect(scope).toEqual({ userIds: ['u1', 'u2'], truncated: false });
    expect(asked).toEqual([
      ['members', ['t1'], 10_002],
      ['shared', 'm1', 10_002],
    ]);
  });
});
