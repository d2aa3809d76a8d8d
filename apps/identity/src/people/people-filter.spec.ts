import { CourseStatus, PeopleFilter } from '@cohort/contracts';
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
    const c = (courseStatus: CourseStatus) => toPeopleQuery('t', { courseId: 'c1', courseStatus });
    expect(c('passed')).toEqual({ tenantId: 't', passedCourseIds: 'c1' });
    expect(c('failed')).toEqual({ tenantId: 't', failedCourseIds: 'c1' });
    expect(c('in-progress')).toEqual({ tenantId: 't', startedCourseIds: 'c1' });
    expect(c('not-started')).toEqual({
      tenantId: 't',
      courseIds: 'c1',
      passedCourseIds: { $ne: 'c1' },
      failedCourseIds: { $ne: 'c1' },
      startedCourseIds: { $ne: 'c1' },
    });
    expect(c('not-enrolled')).toEqual({ tenantId: 't', courseIds: { $ne: 'c1' } });
    expect(c('not-passed')).toEqual({ tenantId: 't', passedCourseIds: { $ne: 'c1' } }); // failed and never enrolled included
    // the older completion field means passed / not passed
    expect(toPeopleQuery('t', { courseId: 'c1', completion: 'completed' })).toEqual(c('passed'));
    expect(toPeopleQuery('t', { courseId: 'c1', completion: 'not-completed' })).toEqual(c('not-passed'));
    expect(toPeopleQuery('t', { completion: 'completed' })).toEqual({ tenantId: 't', 'passedCourseIds.0': { $exists: true } });
    expect(toPeopleQuery('t', { completion: 'not-completed' })).toEqual({ tenantId: 't', 'passedCourseIds.0': { $exists: false } });
  });

  it('courseStatus without the course it is about is refused, naming the field', () => {
    const parsed = PeopleFilter.safeParse({ courseStatus: 'passed' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['courseStatus']);
  });
});
