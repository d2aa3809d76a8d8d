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
