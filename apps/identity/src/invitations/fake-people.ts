import { TokenUsesRepository } from '../tokens/token-uses.repository';
import { PeopleRepository } from '../people/people.repository';
import { Person } from '../people/person.schema';

const at = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v == null ? undefined : (v as Record<string, unknown>)[k]), doc);

function matches(doc: Person, where: Record<string, unknown>): boolean {
  return Object.entries(where).every(([path, want]) => {
    const value = at(doc, path);
    if (want === null) return value == null;
    if (want && typeof want === 'object' && '$gt' in want) return value instanceof Date && value > (want as { $gt: Date }).$gt;
    return value === want;
  });
}

function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((v, k) => (v[k] ??= {}) as Record<string, unknown>, doc);
  parent[keys[keys.length - 1]] = value;
}

/**
 * For the token handlers' unit specs: a PeopleRepository over an in-memory list whose `updateWhere`
 * applies the equality, null and `$gt` conditions and the dotted `$set` those handlers use.
 */
export function fakePeople(people: Person[]) {
  const updates: Array<{ where: Record<string, unknown>; set: Record<string, unknown> }> = [];
  const find = (tenantId: string, userId: string) => people.find((p) => p.tenantId === tenantId && p.userId === userId);
  const repo = {
    findOne: async (tenantId: string, userId: string) => find(tenantId, userId),
    updateWhere: async (tenantId: string, userId: string, where: Record<string, unknown>, update: { $set: Record<string, unknown> }) => {
      updates.push({ where, set: update.$set });
      const doc = find(tenantId, userId);
      if (!doc || !matches(doc, where)) return undefined;
      for (const [path, value] of Object.entries(update.$set)) setPath(doc as unknown as Record<string, unknown>, path, value);
      doc.v += 1;
      return doc;
    },
  } as unknown as PeopleRepository;
  return { repo, updates };
}

/** For the token handlers' unit specs: the single-use ledger over an in-memory set. */
export function fakeTokenUses(): TokenUsesRepository {
  const claimed = new Set<string>();
  return {
    claim: async (kind: string, hash: string) => !claimed.has(`${kind}:${hash}`) && !!claimed.add(`${kind}:${hash}`),
    release: async (kind: string, hash: string) => void claimed.delete(`${kind}:${hash}`),
  } as unknown as TokenUsesRepository;
}
