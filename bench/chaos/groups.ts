/**
 * When is a disruption over? When every consumer group it touched holds exactly the processes that run now.
 *
 * Each service process of the chaos run has a Kafka client id of its own (KAFKA_CLIENT_ID), so a group's
 * members can be told apart by process. The rule never compares with a member count taken before the
 * disruption: another disruption may change who runs meanwhile (learning-2 leaving while learning's kill
 * waits, seed 519783140), and a count from before can then never come back. What the rule asks holds
 * whatever else happened in between: the killed process's member is gone, the restarted process's member
 * is there, and nobody else is.
 */

/** What the broker says of one group: its state and the client id of each member. */
export interface GroupView {
  state: string;
  clientIds: string[];
}

/** States of a group with no members (kafkajs' describeGroups reports `Empty`, or `Dead` once removed). */
const NO_MEMBERS = new Set(['Empty', 'Dead']);

/**
 * True when the group is settled with exactly `expected` (the client ids of the processes of its service
 * that run now): Stable, each expected client a member exactly once, no other member. A group none of whose
 * processes run is settled when it has no members.
 */
export function groupSettled(view: GroupView | undefined, expected: readonly string[]): boolean {
  if (!view) return false;
  if (expected.length === 0) return view.clientIds.length === 0 && (NO_MEMBERS.has(view.state) || view.state === 'Stable');
  if (view.state !== 'Stable') return false;
  const have = [...view.clientIds].sort();
  const want = [...new Set(expected)].sort();
  return have.length === want.length && have.every((id, i) => id === want[i]);
}

/** Every group settled with the processes its service runs now (`expectedFor` is asked at each look). */
export function groupsSettled(
  views: ReadonlyMap<string, GroupView>,
  groupIds: readonly string[],
  expectedFor: (groupId: string) => string[],
): boolean {
  return groupIds.every((g) => groupSettled(views.get(g), expectedFor(g)));
}
