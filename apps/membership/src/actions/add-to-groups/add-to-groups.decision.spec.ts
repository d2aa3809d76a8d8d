import { group, membership } from '../test-fakes';
import { AddToGroupsContext, autoEnrolOf, decideAddToGroups } from './add-to-groups.decision';

const groups = new Map([
  ['sales', group('sales', { autoEnrolCourseIds: ['c1', 'c2'] })],
  ['safety', group('safety', { autoEnrolCourseIds: ['c2', 'c3'] })],
  ['plain', group('plain')],
]);
const ctx = (groupIds: string[], over: Partial<AddToGroupsContext> = {}): AddToGroupsContext => ({ groupIds, groups, key: 'j:0', ...over });

describe('decideAddToGroups', () => {
  it('adds the missing groups: before = what it adds, data = their auto-enrolment targets', () => {
    const d = decideAddToGroups('u1', true, membership('u1', { groupIds: ['sales'] }), ctx(['sales', 'safety', 'plain']));
    const data = { autoEnrol: { courseIds: ['c2', 'c3'], groupIds: ['safety', 'plain'] } };
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['safety', 'plain'], data });
    expect(d.change).toEqual({
      userId: 'u1',
      update: { $addToSet: { groupIds: { $each: ['safety', 'plain'] } } },
      op: { k: 'j:0', b: ['safety', 'plain'], d: data },
    });
    expect(d.preview).toEqual({ before: ['sales'], after: ['sales', 'safety', 'plain'] });
  });

  it('adds someone membership has no document for yet, with empty course targets for a plain group', () => {
    const d = decideAddToGroups('u1', true, undefined, ctx(['plain']));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['plain'], data: { autoEnrol: { courseIds: [], groupIds: ['plain'] } } });
    expect(d.preview).toEqual({ before: [], after: ['plain'] });
  });

  it('skips a member of every group', () => {
    const d = decideAddToGroups('u1', true, membership('u1', { groupIds: ['plain', 'sales'] }), ctx(['sales', 'plain']));
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'MEMBERSHIP.ALREADY_MEMBER',
      message: 'already a member of all of the teams or groups',
    });
    expect(d.change).toBeUndefined();
  });

  it('fails everyone when a group does not exist, naming it, and writes nothing', () => {
    const d = decideAddToGroups('u1', true, undefined, ctx(['sales', 'ghost']));
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'failed',
      code: 'MEMBERSHIP.GROUP_NOT_FOUND',
      message: 'no team or group ghost in the tenant',
      retryable: false,
    });
    expect(d.change).toBeUndefined();
    expect(decideAddToGroups('u1', true, undefined, ctx(['x', 'y'])).outcome.message).toBe('no teams or groups x, y in the tenant');
  });

  it('fails a person identity does not know (or of another tenant)', () => {
    expect(decideAddToGroups('u9', false, undefined, ctx(['sales'])).outcome).toEqual({
      userId: 'u9',
      status: 'failed',
      code: 'MEMBERSHIP.NOT_FOUND',
      message: 'person not found',
      retryable: false,
    });
  });

  it('a redelivery returns the stored before and data and writes nothing', () => {
    const data = { autoEnrol: { courseIds: ['c1'], groupIds: ['sales'] } };
    const doc = membership('u1', { groupIds: ['sales'], ops: [{ k: 'j:0', b: ['sales'], d: data }] });
    const d = decideAddToGroups('u1', true, doc, ctx(['sales']));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['sales'], data });
    expect(d.change).toBeUndefined();
    expect(d.replayed).toBe(true);
  });
});

describe('autoEnrolOf', () => {
  it('joins the targets of the groups added, each course once', () => {
    expect(autoEnrolOf(['sales', 'safety'], groups)).toEqual({ courseIds: ['c1', 'c2', 'c3'], groupIds: ['sales', 'safety'] });
  });
});
