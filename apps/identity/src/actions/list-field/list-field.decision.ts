import { IDENTITY } from '../../identity.errors';
import { Person } from '../../people/person.schema';
import { appliedOp, changed, Decision, notFound, replayed, skipped } from '../decision';

/** The list fields of a person that batch actions add to, remove from or replace. */
export type ListField = 'labels' | 'specialisms';

/**
 * What an action does to one list field: `add` appends what is missing (existing first, then the new in
 * the order given), `remove` drops the values given, `set` replaces the list (the undo of add-specialisms).
 */
export interface ListChange {
  field: ListField;
  op: 'add' | 'remove' | 'set';
  values: readonly string[];
}

const UNCHANGED_MESSAGE: Record<ListChange['op'], (field: ListField) => string> = {
  add: (field) => `already has all of the ${field}`,
  remove: (field) => `has none of the ${field}`,
  set: (field) => `${field} are already as given`,
};

/** Pure: the list `change` leaves of `current` (a value given twice counts once). */
export function listAfter(current: readonly string[], change: ListChange): string[] {
  const values = [...new Set(change.values)];
  if (change.op === 'add') return [...current, ...values.filter((v) => !current.includes(v))];
  if (change.op === 'remove') return current.filter((v) => !values.includes(v));
  return values;
}

/**
 * Pure: what `change` means for one person. `before` is the whole prior list, so the orchestrator's undo
 * can take back exactly what this step added or removed.
 */
export function decideListChange(userId: string, person: Person | undefined, change: ListChange, key: string): Decision {
  if (!person) return notFound(userId);
  const applied = appliedOp(person, key);
  if (applied) return replayed(userId, applied);
  const current = [...(person[change.field] ?? [])];
  const after = listAfter(current, change);
  if (sameList(current, after)) return skipped(userId, IDENTITY.UNCHANGED, UNCHANGED_MESSAGE[change.op](change.field), current);
  return changed(userId, change.field, current, after, key);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
