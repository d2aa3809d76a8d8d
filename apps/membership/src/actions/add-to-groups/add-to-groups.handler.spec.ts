import { IdentityLookupError } from '@cohort/common';
import { fakeGroups, fakeIdentity, fakeMemberships, group, membership, work } from '../test-fakes';
import { AddToGroups, AddToGroupsHandler } from './add-to-groups.handler';

function setup(docs = [membership('u1'), membership('u2', { groupIds: ['g1', 'g2'] })], known: string[] | IdentityLookupError = ['u1', 'u2', 'u3']) {
  const memberships = fakeMemberships(docs);
  const groups = fakeGroups([group('g1', { autoEnrolCourseIds: ['c1'] }), group('g2')]);
  return { ...memberships, handler: new AddToGroupsHandler(fakeIdentity(known), groups, memberships.repo, memberships.facts) };
}
const chunk = (userIds: string[], groupIds: unknown = ['g1', 'g2'], attempt = 1) => work('add-to-groups', userIds, { groupIds }, { attempt });

describe('AddToGroupsHandler', () => {
  it('adds each person once, in one bulk write, and hands on the targets of the groups added', async () => {
    const { handler, store, writes, published } = setup();
    const outcomes = await handler.execute(new AddToGroups(chunk(['u1', 'u2', 'u9', 'u3', 'u1'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual([
      'succeeded',
      'MEMBERSHIP.ALREADY_MEMBER',
      'MEMBERSHIP.NOT_FOUND',
      'succeeded',
      'succeeded',
    ]);
    expect(outcomes[0]).toEqual({
      userId: 'u1',
      status: 'succeeded',
      before: ['g1', 'g2'],
      data: { autoEnrol: { courseIds: ['c1'], groupIds: ['g1', 'g2'] } },
    });
    expect(writes).toHaveLength(1);
    expect(writes[0].map((w) => w.userId)).toEqual(['u1', 'u3']);
    expect(store.get('u3')?.groupIds).toEqual(['g1', 'g2']);
    expect(store.has('u9')).toBe(false);
    // identity's directory learns the groups of the people written, as stored after the write
    expect(published.map((f) => [f.userId, f.groupIds])).toEqual([
      ['u1', ['g1', 'g2']],
      ['u3', ['g1', 'g2']],
    ]);
  });

  it('a dry run publishes no facts', async () => {
    const { handler, published } = setup();
    await handler.execute(new AddToGroups(chunk(['u1']), true));
    expect(published).toEqual([]);
  });

  it('a redelivery gives the same outcomes and writes nothing more', async () => {
    const { handler, writes } = setup();
    const first = await handler.execute(new AddToGroups(chunk(['u1', 'u2'])));
    const again = await handler.execute(new AddToGroups(chunk(['u1', 'u2'], ['g1', 'g2'], 2)));
    expect(again).toEqual(first);
    expect(writes).toHaveLength(1);
  });

  it('an unknown group fails every person, naming it, and writes nothing', async () => {
    const { handler, writes } = setup();
    const outcomes = await handler.execute(new AddToGroups(chunk(['u1', 'u2'], ['g1', 'nope'])));
    expect(outcomes.map((o) => [o.code, o.message])).toEqual([
      ['MEMBERSHIP.GROUP_NOT_FOUND', 'no team or group nope in the tenant'],
      ['MEMBERSHIP.GROUP_NOT_FOUND', 'no team or group nope in the tenant'],
    ]);
    expect(writes).toEqual([]);
  });

  it('a dry run writes nothing and shows the whole list before → after, with the targets', async () => {
    const { handler, writes } = setup([membership('u1', { groupIds: ['g2'] })]);
    const [outcome] = await handler.execute(new AddToGroups(chunk(['u1']), true));
    expect(outcome).toEqual({
      userId: 'u1',
      status: 'succeeded',
      before: ['g2'],
      data: { after: ['g2', 'g1'], autoEnrol: { courseIds: ['c1'], groupIds: ['g1'] } },
    });
    expect(writes).toEqual([]);
  });

  it('identity unavailable fails everyone retryably; so does the store', async () => {
    const down = setup(undefined, new IdentityLookupError('identity: ECONNREFUSED'));
    expect(await down.handler.execute(new AddToGroups(chunk(['u1', 'u2'])))).toEqual([
      { userId: 'u1', status: 'failed', code: 'MEMBERSHIP.IDENTITY_UNAVAILABLE', message: 'identity: ECONNREFUSED', retryable: true },
      { userId: 'u2', status: 'failed', code: 'MEMBERSHIP.IDENTITY_UNAVAILABLE', message: 'identity: ECONNREFUSED', retryable: true },
    ]);
    const broken = setup();
    broken.state.failWith = new Error('connection reset');
    const [outcome] = await broken.handler.execute(new AddToGroups(chunk(['u1'])));
    expect(outcome).toMatchObject({ status: 'failed', code: 'MEMBERSHIP.STORE_UNAVAILABLE', retryable: true });
  });

  it('bad params fail every person with the field named', async () => {
    const { handler } = setup();
    const [outcome] = await handler.execute(new AddToGroups(chunk(['u1'], [])));
    expect(outcome).toMatchObject({ status: 'failed', code: 'MEMBERSHIP.INVALID_PARAMS', message: expect.stringMatching(/^params\.groupIds: /) });
  });
});
