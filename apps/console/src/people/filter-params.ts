import type { PeopleFilter } from '../api/types';

/** The filter fields the People page offers, each kept in the page's URL (`/people?roles=Learner&q=ana`). */
export const LIST_FIELDS = ['roles', 'statuses', 'groupIds', 'labels', 'specialisms', 'languages', 'countries'] as const;
export const SINGLE_FIELDS = ['courseId', 'courseStatus', 'completion', 'q'] as const;

export function filterOf(params: URLSearchParams): PeopleFilter {
  const filter: PeopleFilter = {};
  for (const key of LIST_FIELDS) {
    const values = (params.get(key) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) filter[key] = values;
  }
  for (const key of SINGLE_FIELDS) {
    const value = params.get(key)?.trim();
    if (value) (filter as Record<string, string>)[key] = value;
  }
  return filter;
}

export function paramsOf(filter: PeopleFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_FIELDS) if (filter[key]?.length) params.set(key, filter[key]!.join(','));
  for (const key of SINGLE_FIELDS) if (filter[key]) params.set(key, String(filter[key]));
  return params;
}

const NAMES: Record<string, string> = {
  roles: 'role',
  statuses: 'status',
  groupIds: 'team or group',
  labels: 'label',
  specialisms: 'specialism',
  languages: 'language',
  countries: 'country',
  courseId: 'course',
  courseStatus: 'course status',
  completion: 'completion',
  q: 'search',
};

/** "role Learner, language en" — how a filter reads in a sentence ("everyone" when empty). */
export function describeFilter(filter: PeopleFilter, names: Record<string, string> = {}): string {
  const parts = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${NAMES[k] ?? k} ${(Array.isArray(v) ? v : [v]).map((x: string) => names[x] ?? x).join(' or ')}`);
  return parts.length ? parts.join(', ') : 'everyone';
}
