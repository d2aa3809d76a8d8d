import { membership } from '../test-fakes';
import { decideRemoveFromGroups, decideUndoAdd, RemoveFromGroupsContext } from './remove-from-groups.decision';

const ctx = (groupIds: string[], over: Partial<RemoveFromGroupsContext> = {}): RemoveFromGroupsContext => ({
  groupIds,
  existing: new Set(['a', 'b', 'c']),
  key: 'j:0',
  ...over,
});

describe('decideRemoveFromGroups', () => {
  it('removes the groups the person is in: before = what it removes', () => {
    const d = decideRemoveFromGroups('u1', true, membership('u1', { groupIds: ['c', 'a'] }), ctx(['a', 'b']));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['a'] });
    expect(d.change).toEqual({ userId: 'u1', update: { $pullAll: { groupIds: ['a'] } }, op: { k: 'j:0', b: ['a'] } });
    expect(d.preview).toEqual({ before: ['c', 'a'], after: ['c'] });
  });

  it('skips someone in none of the groups (or with no document)', () => {
    const d = decideRemoveFromGroups('u1', true, membership('u1', { groupIds: ['c'] }), ctx(['a', 'b']));
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'MEMBERSHIP.NOT_MEMBER',
      message: 'not a member of any of the teams or groups',
    });
    expect(decideRemoveFromGroups('u1', true, undefined, ctx(['a'])).outcome.code).toBe('MEMBERSHIP.NOT_MEMBER');
  });

  it('fails an unknown group, naming it, and an unknown person', () => {
    expect(decideRemoveFromGroups('u1', true, membership('u1', { groupIds: ['a'] }), ctx(['a', 'zz'])).outcome).toMatchObject({
      status: 'failed',
      code: 'MEMBERSHIP.GROUP_NOT_FOUND',
      message: expect.stringContaining('zz'),
      retryable: false,
    });
    expect(decideRemoveFromGroups('u9', false, undefined, ctx(['a'])).outcome).toMatchObject({ status: 'failed', code: 'MEMBERSHIP.NOT_FOUND' });
  });

  it('a redelivery returns the stored before and writes nothing', () => {
    const d = decideRemoveFromGroups('u1', true, membership('u1', { ops: [{ k: 'j:0', b: ['a'] }] }), ctx(['a']));
    expect(d).toMatchObject({ outcome: { userId: 'u1', status: 'succeeded', before: ['a'] }, replayed: true });
    expect(d.change).toBeUndefined();
  });
});

describe('decideUndoAdd (compensation of add-to-groups)', () => {
  it('removes exactly what the forward step added, keeping the groups the person was in before', () => {
    const doc = membership('u1', { groupIds: ['old', 'a', 'b'], ops: [{ k: 'j:0', b: ['a', 'b'] }] });
    const d = decideUndoAdd('u1', doc, 'j:100', 'j:0');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['a', 'b'] });
    expect(d.change).toEqual({ userId: 'u1', update: { $pullAll: { groupIds: ['a', 'b'] } }, op: { k: 'j:100', b: ['a', 'b'] } });
  });

  it('succeeds without a write when the forward step changed nothing for the person', () => {
    const d = decideUndoAdd('u1', membership('u1', { groupIds: ['a'] }), 'j:100', 'j:0');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: [] });
    expect(d.change).toBeUndefined();
    expect(decideUndoAdd('u9', undefined, 'j:100', 'j:0').change).toBeUndefined();
  });

  it('a redelivered compensation writes nothing', () => {
    const doc = membership('u1', {
      ops: [
        { k: 'j:0', b: ['a'] },
        { k: 'j:100', b: ['a'] },
      ],
    });
    const d = decideUndoAdd('u1', doc, 'j:100', 'j:0');
    expect(d).toMatchObject({ outcome: { status: 'succeeded', before: ['a'] }, replayed: true });
    expect(d.change).toBeUndefined();
  });
});
