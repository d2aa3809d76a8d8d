import { Person } from '../person.schema';
import { PeopleRepository } from '../people.repository';
import { Directory, DirectoryHandler, directoryMatch } from './directory.query';

describe('directoryMatch', () => {
  it('is the filter alone without a scope', () => {
    expect(directoryMatch('t', { filter: { roles: ['HR'] } })).toEqual({ tenantId: 't', role: { $in: ['HR'] } });
  });

  it("adds the scope as this tenant's person keys, beside the filter", () => {
    expect(directoryMatch('t', { filter: { roles: ['HR'] }, scopeUserIds: ['u-1', 'u-2'] })).toEqual({
      tenantId: 't',
      role: { $in: ['HR'] },
      $and: [{ _id: { $in: ['t:u-1', 't:u-2'] } }],
    });
  });

  it('matches nobody with an empty scope (a Manager of no team)', () => {
    expect(directoryMatch('t', { filter: {}, scopeUserIds: [] })).toEqual({ tenantId: 't', $and: [{ _id: { $in: [] } }] });
  });
});

describe('DirectoryHandler', () => {
  it('pages and counts with the scoped query', async () => {
    const seen: unknown[] = [];
    const person = (userId: string) => ({
      _id: `t:${userId}`,
      tenantId: 't',
      userId,
      email: `${userId}@x`,
      permissions: [],
      labels: [],
      specialisms: [],
    });
    const people = {
      page: async (_t: string, match: unknown) => (seen.push(match), [person('u-1')] as unknown as Person[]),
      count: async (match: unknown) => (seen.push(match), 1),
    } as unknown as PeopleRepository;
    const page = await new DirectoryHandler(people).execute(new Directory('t', { filter: {}, limit: 50, scopeUserIds: ['u-1'] }));
    expect(page).toMatchObject({ items: [{ userId: 'u-1' }], nextCursor: null, total: 1 });
    expect(seen).toEqual([
      { tenantId: 't', $and: [{ _id: { $in: ['t:u-1'] } }] },
      { tenantId: 't', $and: [{ _id: { $in: ['t:u-1'] } }] },
    ]);
  });
});
