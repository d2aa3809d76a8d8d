import { FilterQuery } from 'mongoose';
import { PeopleFilter } from '@cohort/contracts';
import { IDENTITY, IdentityError } from '../identity.errors';
import { Person } from './person.schema';

export type PeopleQuery = FilterQuery<Person>;

/**
 * Filter fields that need another service's data. TODO(membership and learning issues): identity
 * keeps no copy of other services' data; the gateway/orchestrator will resolve these against
 * membership (groupIds) and learning (courseId, completion) and intersect the user ids with
 * identity's selection, so identity keeps answering 400 for them.
 */
const NEEDS_OTHER_SERVICES = ['groupIds', 'courseId', 'completion'] as const;

/** List filter → person field (values of one list combine with OR). */
const ANY_OF = {
  roles: 'role',
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
  const unsupported = NEEDS_OTHER_SERVICES.find((field) => filter[field] !== undefined);
  if (unsupported) {
    throw new IdentityError(
      IDENTITY.FILTER_UNSUPPORTED,
      `filter.${unsupported} needs membership or learning data, which identity does not hold`,
      `filter.${unsupported}`,
    );
  }
  const query: PeopleQuery = { tenantId };
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

/** On or after `from`, before `to` (both YYYY-MM-DD, UTC); never-active people (null) match neither. */
function dateRange(from?: string, to?: string): { $gte?: Date; $lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { $gte: new Date(`${from}T00:00:00.000Z`) } : {}), ...(to ? { $lt: new Date(`${to}T00:00:00.000Z`) } : {}) };
}

/** Free text is matched literally: every regex metacharacter is escaped (same syntax for JS and Go/RE2). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
