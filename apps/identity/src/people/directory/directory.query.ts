import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DirectoryPage, DirectoryQuery } from '@cohort/contracts';
import { PeopleQuery, toPeopleQuery } from '../people-filter';
import { PeopleRepository } from '../people.repository';
import { personKey } from '../person.schema';
import { toPersonView } from '../person.view';
import { decodeCursor, encodeCursor } from './directory-cursor';

export class Directory {
  constructor(
    readonly tenantId: string,
    readonly query: DirectoryQuery,
  ) {}
}

/**
 * The store query of a directory request: the filter's conditions, and with a scope (a Manager's people,
 * set by the gateway) also "user ∈ scope" — a `$in` of at most DIRECTORY_SCOPE_MAX person keys. It is on
 * `_id` (`<tenant>:<user>`, only this tenant's keys) so MongoDB serves it from the `_id` index; FerretDB
 * checks it within its one scan of the tenant. Inside `$and`, because the page query adds its own `_id` range.
 */
export function directoryMatch(tenantId: string, query: Pick<DirectoryQuery, 'filter' | 'scopeUserIds'>): PeopleQuery {
  const match = toPeopleQuery(tenantId, query.filter);
  if (query.scopeUserIds === undefined) return match;
  return { ...match, $and: [{ _id: { $in: query.scopeUserIds.map((userId) => personKey(tenantId, userId)) } }] };
}

/** One page of the people directory in `_id` order, with the total of everyone matching. */
@QueryHandler(Directory)
export class DirectoryHandler implements IQueryHandler<Directory, DirectoryPage> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ tenantId, query }: Directory): Promise<DirectoryPage> {
    const match = directoryMatch(tenantId, query);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, tenantId);
    // one more than the page tells whether there is a next page; page and count run side by side
    const [docs, total] = await Promise.all([this.people.page(tenantId, match, after, query.limit + 1), this.people.count(match)]);
    const items = docs.slice(0, query.limit);
    const nextCursor = docs.length > query.limit ? encodeCursor(items[items.length - 1]._id) : null;
    return { items: items.map(toPersonView), nextCursor, total };
  }
}
