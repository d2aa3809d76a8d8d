import { escapeRegex, toPeopleQuery } from './people-filter';

describe('toPeopleQuery', () => {
  it('is the whole tenant for an empty filter', () => {
    expect(toPeopleQuery('t', {})).toEqual({ tenantId: 't' });
  });

  it('ANDs fields, ORs the values of a list, and bounds dates as on-or-after / before', () => {
    const q = toPeopleQuery('t', {
      roles: ['Admin', 'HR'],
      languages: ['nl'],
      hiredAfter: '2020-01-01',
      hiredBefore: '2021-01-01',
      lastActiveBefore: '2025-01-01',
    });
    expect(q).toEqual({
      tenantId: 't',
      role: { $in: ['Admin', 'HR'] },
      language: { $in: ['nl'] },
      hireDate: { $gte: new Date('2020-01-01T00:00:00.000Z'), $lt: new Date('2021-01-01T00:00:00.000Z') },
      lastActiveAt: { $lt: new Date('2025-01-01T00:00:00.000Z') },
    });
  });

  it('matches free text literally on the normalised search field', () => {
    expect(toPeopleQuery('t', { q: '  Ann  (Smith).* ' }).search).toEqual({ $regex: 'ann \\(smith\\)\\.\\*', $options: 'i' });
    expect(new RegExp(escapeRegex('a+b[c]?')).test('xa+b[c]?y')).toBe(true);
  });

  it('filters on the copies of membership and learning data: groups, course enrolment and completion', () => {
    expect(toPeopleQuery('t', { groupIds: ['g1', 'g2'] })).toEqual({ tenantId: 't', groupIds: { $in: ['g1', 'g2'] } });
    expect(toPeopleQuery('t', { courseId: 'c1' })).toEqual({ tenantId: 't', courseIds: 'c1' });
    expect(toPeopleQuery('t', { courseId: 'c1', completion: 'completed' })).toEqual({ tenantId: 't', completedCourseIds: 'c1' });
    expect(toPeopleQuery('t', { courseId: 'c1', completion: 'not-completed' })).toEqual({
      tenantId: 't',
      courseIds: 'c1',
      completedCourseIds: { $ne: 'c1' },
    });
    expect(toPeopleQuery('t', { completion: 'completed' })).toEqual({ tenantId: 't', 'completedCourseIds.0': { $exists: true } });
    expect(toPeopleQuery('t', { completion: 'not-completed' })).toEqual({ tenantId: 't', 'completedCourseIds.0': { $exists: false } });
  });
});
