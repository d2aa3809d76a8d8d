import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { DirectoryQuery } from '@cohort/contracts';
import { parseOrThrow } from '../http/zod-validation.pipe';

/** PeopleFilter fields that hold lists: `?roles=Admin,HR` and `?roles=Admin&roles=HR` mean the same. */
export const LIST_PARAMS = ['roles', 'statuses', 'groupIds', 'labels', 'specialisms', 'languages', 'countries'] as const;
const PAGE_PARAMS = ['cursor', 'limit'];

type RawQuery = Record<string, unknown>;

/** What a query string may say: never the scope, which only the gateway sets (`?scopeUserIds=` is an unknown filter: 400). */
const PublicDirectoryQuery = DirectoryQuery.omit({ scopeUserIds: true });

/**
 * `GET /v1/people` query string → DirectoryQuery: list parameters split on commas (or repeated),
 * `limit` as a number, every other parameter a PeopleFilter field. Unknown parameters and bad values
 * are 400 naming the query parameter (`roles`, `limit`, `hiredAfter`).
 */
export function directoryQueryOf(query: RawQuery): DirectoryQuery {
  const filter: RawQuery = {};
  for (const [key, raw] of Object.entries(query)) {
    if (PAGE_PARAMS.includes(key)) continue;
    filter[key] = (LIST_PARAMS as readonly string[]).includes(key) ? listValue(raw) : raw;
  }
  const input = { filter, cursor: query.cursor, limit: numberValue(query.limit) };
  return parseOrThrow(PublicDirectoryQuery, input, queryParamOf);
}

function listValue(raw: unknown): unknown {
  const parts = Array.isArray(raw) ? raw : [raw];
  if (!parts.every((p) => typeof p === 'string')) return raw;
  return parts
    .flatMap((p: string) => p.split(','))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function numberValue(raw: unknown): unknown {
  return typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
}

/** The query parameter a DirectoryQuery issue is about: `filter.roles.1` → `roles`. */
export function queryParamOf(issue: z.core.$ZodIssue): string {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const names = path.filter((p): p is string => typeof p === 'string' && p !== 'filter');
  return names[0] ?? 'query';
}

export class PeopleQueryPipe implements PipeTransform<RawQuery, DirectoryQuery> {
  transform(query: RawQuery): DirectoryQuery {
    return directoryQueryOf(query ?? {});
  }
}
