import { WorkChunk } from '@cohort/contracts';
import { PeopleRepository, PersonChange } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { TenantsRepository } from '../../tenants/tenants.repository';

/**
 * In-memory stores for handler specs of status changes: people are updated in place, the owners list
 * (by default the active Owners) applies the atomic guard, and every write is logged in order
 * (`people u1=deactivated`, `guard o1 removed`). `seen` is what reading the list returns, if not the list itself
 * (another chunk changed it since).
 */
export function fakeStatusStores(
  people: Person[],
  owners = people.filter((p) => p.role === 'Owner' && p.status === 'active').map((p) => p.userId),
  seen?: string[],
) {
  const writes: string[] = [];
  const stored = new Map(people.map((p) => [p.userId, { ...p, ops: [...p.ops] }]));
  const list = [...owners];
  const peopleRepo = {
    findMany: async (_t: string, ids: string[]) => new Map(ids.flatMap((id) => (stored.has(id) ? [[id, { ...stored.get(id)! }] as const] : []))),
    apply: async (_t: string, changes: PersonChange[]) => {
      if (!changes.length) return;
      for (const c of changes) Object.assign(stored.get(c.userId)!, c.set, { ops: [...stored.get(c.userId)!.ops, c.op] });
      writes.push(`people ${changes.map((c) => `${c.userId}=${c.set.status}`).join(',')}`);
    },
    erase: async (_t: string, ids: string[]) => {
      if (!ids.length) return;
      ids.forEach((id) => stored.delete(id));
      writes.push(`erase ${ids}`);
    },
  } as unknown as PeopleRepository;
  const tenantsRepo = {
    owners: async () => [...(seen ?? list)],
    removeOwnerIfAnotherRemains: async (_t: string, id: string) => {
      const ok = list.some((o) => o !== id);
      if (ok && list.includes(id)) list.splice(list.indexOf(id), 1);
      writes.push(`guard ${id} ${ok ? 'removed' : 'refused'}`);
      return ok;
    },
    addOwners: async (_t: string, ids: string[]) => {
      if (!ids.length) return;
      list.push(...ids.filter((i) => !list.includes(i)));
      writes.push(`add ${ids}`);
    },
    removeOwners: async (_t: string, ids: string[]) => {
      if (!ids.length) return;
      ids.forEach((id) => list.includes(id) && list.splice(list.indexOf(id), 1));
      writes.push(`remove ${ids}`);
    },
  } as unknown as TenantsRepository;
  return { people: peopleRepo, tenants: tenantsRepo, writes, list, stored };
}

/** A work chunk for handler specs: job `j`, step 0, actor `me`. */
export function statusWork(action: string, userIds: string[], over: Partial<WorkChunk> = {}): WorkChunk {
  return { jobId: 'j', step: 0, chunk: 0, attempt: 1, tenantId: 't', action, actorId: 'me', params: {}, userIds, ...over };
}
