import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DirectoryPage, DirectoryQuery } from '@cohort/contracts';
import { toPeopleQuery } from '../people-filter';
import { PeopleRepository } from '../people.repository';
import { toPersonView } from '../person.view';
import { decodeCursor, encodeCursor } from './directory-cursor';

export class Directory {
  constructor(
    readonly tenantId: string,
    readonly query: DirectoryQuery,
  ) {}
}

/** One page of the people directory in `_id` order, with the total of everyone matching. */
@QueryHandler(Directory)
export class DirectoryHandler implements IQueryHandler<Directory, DirectoryPage> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ tenantId, query }: Directory): Promise<DirectoryPage> {
    const match = toPeopleQuery(tenantId, query.filter);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, tenantId);
    // one more than the page tells whether there is a next page; page and count run side by side
    const [docs, total] = await Promise.all([this.people.page(tenantId, match, after, query.limit + 1), this.people.count(match)]);
    const items = docs.slice(0, query.limit);
    const nextCursor = docs.length > query.limit ? encodeCursor(items[items.length - 1]._id) : null;
    return { items: items.map(toPersonView), nextCursor, total };
  }
}
