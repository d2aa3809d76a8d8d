import { membership } from '../test-fakes';
import { AddShareContext, decideAddShare } from './add-share.decision';

const ctx = (over: Partial<AddShareContext> = {}): AddShareContext => ({
  managerUserId: 'm1',
  managedTeamIds: new Set(['team-a']),
  key: 'j:0',
  ...over,
});

describe('decideAddShare', () => {
  it('shares the person with the manager: before = the prior sharedWith', () => {
    const d = decideAddShare('u1', true, membership('u1', { groupIds: ['team-b'], sharedWith: ['m0'] }), ctx());
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['m0'] });
    expect(d.change).toEqual({ userId: 'u1', update: { $addToSet: { sharedWith: 'm1' } }, op: { k: 'j:0', b: ['m0'] } });
    expect(d.preview).toEqual({ before: ['m0'], after: ['m0', 'm1'] });
    expect(decideAddShare('u2', true, undefined, ctx()).outcome).toEqual({ userId: 'u2', status: 'succeeded', before: [] });
  });

  it('skips the manager themself, a member of their own team, and someone shared with them already', () => {
    expect(decideAddShare('m1', true, undefined, ctx()).outcome).toMatchObject({ status: 'skipped', code: 'MEMBERSHIP.SELF' });
    expect(decideAddShare('u1', true, membership('u1', { groupIds: ['team-a'] }), ctx()).outcome).toMatchObject({
      status: 'skipped',
      code: 'MEMBERSHIP.OWN_TEAM',
    });
    const shared = decideAddShare('u1', true, membership('u1', { sharedWith: ['m1'] }), ctx());
    expect(shared.outcome).toEqual({ userId: 'u1', status: 'skipped', code: 'MEMBERSHIP.ALREADY_SHARED', message: 'already shared with m1' });
    expect(shared.change).toBeUndefined();
  });

  it('fails everyone when the target is no manager, naming them', () => {
    expect(decideAddShare('u1', true, undefined, ctx({ managedTeamIds: undefined })).outcome).toEqual({
      userId: 'u1',
      status: 'failed',
      code: 'MEMBERSHIP.NOT_A_MANAGER',
      message: 'm1 is not a manager of a team in the tenant',
      retryable: false,
    });
  });

  it('fails a person identity does not know', () => {
    expect(decideAddShare('u9', false, undefined, ctx()).outcome).toMatchObject({ status: 'failed', code: 'MEMBERSHIP.NOT_FOUND' });
  });

  it('a redelivery returns the stored before and writes nothing', () => {
    const d = decideAddShare('u1', true, membership('u1', { sharedWith: ['m1'], ops: [{ k: 'j:0', b: [] }] }), ctx());
    expect(d).toMatchObject({ outcome: { userId: 'u1', status: 'succeeded', before: [] }, replayed: true });
    expect(d.change).toBeUndefined();
  });
});
