import { describeFilter, filterOf, paramsOf } from './filter-params';

describe('the People filter in the URL', () => {
  it('reads and writes the filter fields, dropping empty ones', () => {
    const filter = filterOf(new URLSearchParams('roles=Learner,HR&labels=&q=%20ana%20&courseId=c1&completion=completed&other=x'));
    expect(filter).toEqual({ roles: ['Learner', 'HR'], q: 'ana', courseId: 'c1', completion: 'completed' });
    expect(filterOf(paramsOf(filter))).toEqual(filter);
  });

  it('says a filter in words', () => {
    expect(describeFilter({})).toBe('everyone');
    expect(describeFilter({ roles: ['Learner'], groupIds: ['g1'] }, { g1: 'Onboarding' })).toBe('role Learner, team or group Onboarding');
  });
});
