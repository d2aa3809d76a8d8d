import { fakeGroups, fakeMemberships, group, membership } from '../actions/test-fakes';
import { GetPersonMemberships, GetPersonMembershipsHandler } from './person-memberships.query';

describe('GetPersonMembershipsHandler', () => {
  const groups = fakeGroups([
    group('g1', { name: 'Book club' }),
    group('t1', { name: 'Zulu', kind: 'team' }),
    group('t2', { name: 'Alpha', kind: 'team' }),
  ]);
  const { repo } = fakeMemberships([membership('u1', { groupIds: ['g1', 'gone', 't1', 't2'], sharedWith: ['m1'] })]);
  const handler = new GetPersonMembershipsHandler(repo, groups);

  it('names the groups, teams first and by name, leaving out a group that no longer exists', async () => {
    expect(await handler.execute(new GetPersonMemberships('t', 'u1'))).toEqual({
      groups: [
        { groupId: 't2', name: 'Alpha', kind: 'team' },
        { groupId: 't1', name: 'Zulu', kind: 'team' },
        { groupId: 'g1', name: 'Book club', kind: 'group' },
      ],
      sharedWith: ['m1'],
    });
  });

  it('answers empty lists for someone membership knows nothing about', async () => {
    expect(await handler.execute(new GetPersonMemberships('t', 'nobody'))).toEqual({ groups: [], sharedWith: [] });
  });
});
