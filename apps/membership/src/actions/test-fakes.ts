import { IdentityLookupClient, IdentityLookupError, personKey } from '@cohort/common';
import { PersonFacts, PersonView, WorkChunk } from '@cohort/contracts';
import { PersonFactsPublisher } from '@cohort/messaging';
import { Group } from '../groups/group.schema';
import { GroupsRepository } from '../groups/groups.repository';
import { MembershipFacts } from '../memberships/membership-facts';
import { Membership, MembershipChange } from '../memberships/membership.schema';
import { MembershipsRepository } from '../memberships/memberships.repository';

/** Test helpers (no I/O): a stored membership document, a group, a work chunk. */
export function membership(userId: string, over: Partial<Membership> = {}): Membership {
  return { _id: personKey('t', userId), tenantId: 't', userId, groupIds: [], sharedWith: [], ops: [], ...over };
}

export function group(groupId: string, over: Partial<Group> = {}): Group {
  return { _id: `t:${groupId}`, tenantId: 't', groupId, name: groupId, kind: 'group', autoEnrolCourseIds: [], managerUserIds: [], ...over };
}

export function work(action: string, userIds: string[], params: Record<string, unknown>, over: Partial<WorkChunk> = {}): WorkChunk {
  return { jobId: 'j', step: 0, chunk: 0, attempt: 1, tenantId: 't', action, params, userIds, ...over };
}

/** identity knowing these people (or, given an error, failing every look-up with it). */
export function fakeIdentity(known: readonly string[] | IdentityLookupError): IdentityLookupClient {
  return {
    people: async (_t: string, ids: readonly string[]) => {
      if (known instanceof IdentityLookupError) throw known;
      return new Map(ids.filter((id) => known.includes(id)).map((id) => [id, { userId: id } as PersonView]));
    },
  } as unknown as IdentityLookupClient;
}

export function fakeGroups(groups: readonly Group[]): GroupsRepository {
  return {
    byIds: async (_t: string, ids: readonly string[]) => new Map(groups.filter((g) => ids.includes(g.groupId)).map((g) => [g.groupId, g])),
    list: async () => [...groups],
    teamsManagedBy: async (_t: string, userId: string) => groups.filter((g) => g.kind === 'team' && g.managerUserIds.includes(userId)),
  } as unknown as GroupsRepository;
}

/**
 * In-memory memberships that apply the updates the actions send ($addToSet, $pullAll) once per op
 * marker, as PersonDocuments does, and log each bulk write; `failWith` makes every call throw.
 */
export function fakeMemberships(docs: readonly Membership[] = []) {
  const store = new Map(docs.map((d) => [d.userId, structuredClone(d)]));
  const writes: MembershipChange[][] = [];
  const state = { failWith: undefined as Error | undefined };
  const check = () => {
    if (state.failWith) throw state.failWith;
  };
  const repo = {
    findOne: async (_t: string, userId: string) => (check(), store.get(userId) && structuredClone(store.get(userId))),
    findMany: async (_t: string, ids: readonly string[]) => {
      check();
      return new Map(ids.flatMap((id) => (store.has(id) ? [[id, structuredClone(store.get(id)!)] as const] : [])));
    },
    applyOnce: async (_t: string, changes: readonly MembershipChange[]) => {
      check();
      if (changes.length === 0) return;
      writes.push([...changes]);
      for (const c of changes) {
        const doc = store.get(c.userId) ?? membership(c.userId);
        if (!doc.ops.some((op) => op.k === c.op.k)) store.set(c.userId, applyUpdate(doc, c));
      }
    },
  } as unknown as MembershipsRepository;
  const published: PersonFacts[] = [];
  const facts = new MembershipFacts(repo, {
    publish: async (f: readonly PersonFacts[]) => void published.push(...f),
  } as unknown as PersonFactsPublisher);
  return { repo, store, writes, state, facts, published };
}

function applyUpdate(doc: Membership, change: MembershipChange): Membership {
  const next = structuredClone(doc);
  const u = change.update as Record<string, Record<string, unknown>>;
  for (const [field, value] of Object.entries(u.$addToSet ?? {})) {
    const list = next[field as 'groupIds' | 'sharedWith'];
    const values = (value as { $each?: string[] }).$each ?? [value as string];
    for (const v of values) if (!list.includes(v)) list.push(v);
  }
  for (const [field, value] of Object.entries(u.$pullAll ?? {})) {
    const gone = value as string[];
    next[field as 'groupIds' | 'sharedWith'] = next[field as 'groupIds' | 'sharedWith'].filter((v) => !gone.includes(v));
  }
  next.ops.push(change.op);
  return next;
}
