import { PeopleRepository } from '../people/people.repository';
import { isActiveOwner, Person } from '../people/person.schema';
import { TenantsRepository } from '../tenants/tenants.repository';
import { Decision } from './decision';

/** Pure: taking `person` out of the active Owners would leave the tenant none (`owners` as last seen). */
export function isLastOwner(userId: string, person: Person, owners: ReadonlySet<string>): boolean {
  return isActiveOwner(person) && ![...owners].some((owner) => owner !== userId);
}

/** Pure: whether the person is an active Owner once the decision's write is applied. */
export function ownsAfter(person: Person, decision: Decision): boolean {
  return isActiveOwner({ ...person, ...decision.change?.set });
}

/**
 * Pure: decides a chunk in order with `decide`, each person seeing the Owners the earlier changes leave
 * (taking both of two Owners out changes the first and keeps the second).
 */
export function withOwnersSeen(
  found: ReadonlyMap<string, Person>,
  owners: ReadonlySet<string>,
  decide: (userId: string, owners: ReadonlySet<string>) => Decision,
): (userId: string) => Decision {
  const seen = new Set(owners);
  return (userId) => {
    const decision = decide(userId, seen);
    const person = found.get(userId);
    if (!decision.change || !person) return decision;
    if (isActiveOwner(person)) seen.delete(userId);
    if (ownsAfter(person, decision)) seen.add(userId);
    return decision;
  };
}

/**
 * Writes the decided changes while keeping the tenant's owners list (the last-Owner guard) right.
 * Writes are ordered so that a crash between two of them leaves the list missing an Owner (stricter
 * guard), never holding a former one: a change that makes someone an active Owner writes the person
 * first, then the list; a change that takes an active Owner out goes through the atomic guard first,
 * then writes the person. A redelivered chunk (replayed decisions) makes the list agree with the people
 * this step already changed. Returns the people the guard refused (another chunk took the other Owner).
 */
export async function writeGuarded(
  stores: { people: PeopleRepository; tenants: TenantsRepository },
  tenantId: string,
  decisions: readonly Decision[],
  found: ReadonlyMap<string, Person>,
  owners: ReadonlySet<string>,
): Promise<Set<string>> {
  const person = (d: Decision) => found.get(d.outcome.userId)!;
  const changes = decisions.filter((d) => d.change);
  const leaving = changes.filter((d) => isActiveOwner(person(d)) && !ownsAfter(person(d), d));
  const others = changes.filter((d) => !leaving.includes(d));
  const replays = decisions.filter((d) => d.replayed).map(person);

  await stores.people.apply(
    tenantId,
    others.map((d) => d.change!),
  );
  const joining = others.filter((d) => ownsAfter(person(d), d)).map((d) => d.outcome.userId);
  const owning = replays.filter((p) => isActiveOwner(p) && !owners.has(p.userId)).map((p) => p.userId);
  await stores.tenants.addOwners(tenantId, [...joining, ...owning]);

  const refused = new Set<string>();
  for (const d of leaving) {
    if (!(await stores.tenants.removeOwnerIfAnotherRemains(tenantId, d.outcome.userId))) refused.add(d.outcome.userId);
  }
  await stores.people.apply(
    tenantId,
    leaving.filter((d) => !refused.has(d.outcome.userId)).map((d) => d.change!),
  );

  await stores.tenants.removeOwners(
    tenantId,
    replays.filter((p) => !isActiveOwner(p) && owners.has(p.userId)).map((p) => p.userId),
  );
  return refused;
}
