import { FilterQuery } from 'mongoose';
import { CourseStatus, PeopleFilter } from '@cohort/contracts';
import { Person } from './person.schema';

export type PeopleQuery = FilterQuery<Person>;

/** List filter → person field (values of one list combine with OR). */
const ANY_OF = {
  roles: 'role',
  groupIds: 'groupIds',
  statuses: 'status',
  labels: 'labels',
  specialisms: 'specialisms',
  languages: 'language',
  countries: 'country',
} as const satisfies Partial<Record<keyof PeopleFilter, keyof Person>>;

/**
 * The store query of a directory filter within one tenant (fields combine with AND). On FerretDB every
 * such query is a scan, so callers run it once per request: one page, one count or one cursor.
 */
export function toPeopleQuery(tenantId: string, filter: PeopleFilter): PeopleQuery {
  const query: PeopleQuery = { tenantId };
  Object.assign(query, courseCondition(filter));
  for (const [key, field] of Object.entries(ANY_OF) as [keyof typeof ANY_OF, string][]) {
    const values = filter[key];
    if (values) query[field] = { $in: values };
  }
  const hired = dateRange(filter.hiredAfter, filter.hiredBefore);
  if (hired) query.hireDate = hired;
  const active = dateRange(filter.lastActiveAfter, filter.lastActiveBefore);
  if (active) query.lastActiveAt = active;
  const text = filter.q?.trim().replace(/\s+/g, ' ').toLowerCase();
  if (text) query.search = { $regex: escapeRegex(text), $options: 'i' };
  return query;
}

/**
 * Where people stand in a course, on the copies of learning's lists (PersonFacts): enrolled in `courseId`
 * alone; with `courseStatus` (or the older `completion`), passed, failed, in progress, not started, not
 * enrolled, or not passed; `completion` alone: passed any course, or none.
 */
function courseCondition(filter: PeopleFilter): PeopleQuery {
  const { courseId, completion } = filter;
  const status: CourseStatus | undefined =
    filter.courseStatus ?? (completion === 'completed' ? 'passed' : completion === 'not-completed' ? 'not-passed' : undefined);
  if (courseId) {
    switch (status) {
      case 'passed':
        return { passedCourseIds: courseId };
      case 'failed':
        return { failedCourseIds: courseId };
      case 'in-progress':
        return { startedCourseIds: courseId };
      case 'not-started':
        return { courseIds: courseId, passedCourseIds: { $ne: courseId }, failedCourseIds: { $ne: courseId }, startedCourseIds: { $ne: courseId } };
      case 'not-enrolled':
        return { courseIds: { $ne: courseId } };
      case 'not-passed':
        return { passedCourseIds: { $ne: courseId } };
      default:
        return { courseIds: courseId };
    }
  }
  if (status === 'passed') return { 'passedCourseIds.0': { $exists: true } };
  if (status === 'not-passed') return { 'passedCourseIds.0': { $exists: false } };
  return {};
}

/** On or after `from`, before `to` (both YYYY-MM-DD, UTC); never-active people (null) match neither. */
function dateRange(from?: string, to?: string): { $gte?: Date; $lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { $gte: new Date(`${from}T00:00:00.000Z`) } : {}), ...(to ? { $lt: new Date(`${to}T00:00:00.000Z`) } : {}) };
}

/** Free text is matched literally: every regex metacharacter is escaped (same syntax for JS and Go/RE2). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
