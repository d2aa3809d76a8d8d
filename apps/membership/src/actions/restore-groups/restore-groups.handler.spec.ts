import { decideAddToGroups } from '../add-to-groups/add-to-groups.decision';
import { withoutAutoEnrolment } from './restore-groups.handler';

describe('restore-groups (the undo of remove-from-groups)', () => {
  it('adds the memberships back and hands learning no auto-enrolment', () => {
    const groups = new Map([['g1', { autoEnrolCourseIds: ['c1'] }]]);
    const d = withoutAutoEnrolment(decideAddToGroups('u1', true, undefined, { groupIds: ['g1'], groups, key: 'j:0' }));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['g1'] });
    expect(d.change?.op).toEqual({ k: 'j:0', b: ['g1'] });
    expect(d.change?.update).toEqual({ $addToSet: { groupIds: { $each: ['g1'] } } });
  });
});
