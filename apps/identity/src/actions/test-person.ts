import { WorkChunk } from '@cohort/contracts';
import { PeopleRepository, PersonChange } from '../people/people.repository';
import { Person } from '../people/person.schema';

/** A stored person for unit specs of decision functions. */
export function testPerson(over: Partial<Person> = {}): Person {
  const userId = over.userId ?? 'u1';
  return {
    _id: `t:${userId}`,
    tenantId: 't',
    userId,
    email: `${userId}@t.test`,
    name: userId,
    search: userId,
    status: 'active',
    role: 'Learner',
    permissions: [],
    language: 'en',
    profileVisibility: 'public',
    labels: [],
    specialisms: [],
    anonymous: false,
    ops: [],
    v: 1,
    ...over,
  };
}

/** For handler specs: a PeopleRepository over `people` that records every write, flat and per bulk write. */
export function recordingPeople(people: Person[]): { repo: PeopleRepository; writes: PersonChange[]; batches: PersonChange[][] } {
  const writes: PersonChange[] = [];
  const batches: PersonChange[][] = [];
  const repo = {
    findMany: async (_t: string, ids: string[]) => new Map(people.filter((p) => ids.includes(p.userId)).map((p) => [p.userId, p])),
    apply: async (_t: string, changes: PersonChange[]) => {
      writes.push(...changes);
      batches.push(changes);
    },
  } as unknown as PeopleRepository;
  return { repo, writes, batches };
}

/** For handler specs: a work chunk of `action` (job j, step 0, actor `me`) for `userIds`. */
export function testWork(action: string, params: Record<string, unknown>, userIds: string[] = ['u1']): WorkChunk {
  return { jobId: 'j', step: 0, chunk: 0, attempt: 1, tenantId: 't', action, actorId: 'me', params, userIds };
}
