import type { PeopleFilter, Selection } from '../api/types';

/**
 * Who the administrator has selected: ticked rows (`ids`), or everyone matching a filter across all
 * pages minus the rows unticked since (`all`). The second is sent as the filter — resolved by the
 * server when the job runs, never a list of ids shipped by the browser.
 */
export type SelectionState =
  | {
      kind: 'ids';
      ids: ReadonlySet<string>;
      /** the filter each ticked row was picked under (see pickedElsewhere) */
      under?: ReadonlyMap<string, PeopleFilter>;
    }
  | { kind: 'all'; filter: PeopleFilter; total: number; excluded: ReadonlySet<string> };

export const NOTHING: SelectionState = { kind: 'ids', ids: new Set() };

export type PageSelection = 'none' | 'some' | 'all';

export function isSelected(selection: SelectionState, userId: string): boolean {
  return selection.kind === 'ids' ? selection.ids.has(userId) : !selection.excluded.has(userId);
}

export function selectedCount(selection: SelectionState): number {
  return selection.kind === 'ids' ? selection.ids.size : Math.max(0, selection.total - selection.excluded.size);
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

function pickedUnder(under: ReadonlyMap<string, PeopleFilter> | undefined, ids: readonly string[], on: boolean, filter: PeopleFilter) {
  const next = new Map(under ?? []);
  for (const id of ids) {
    if (on) next.set(id, filter);
    else next.delete(id);
  }
  return next;
}

/** Ticks or unticks one row (`filter`: the filter it is picked under). */
export function toggle(selection: SelectionState, userId: string, filter: PeopleFilter = {}): SelectionState {
  const on = !isSelected(selection, userId);
  if (selection.kind === 'ids')
    return { kind: 'ids', ids: toggled(selection.ids, userId, on), under: pickedUnder(selection.under, [userId], on, filter) };
  return { ...selection, excluded: toggled(selection.excluded, userId, !on) };
}

/**
 * Ticked rows picked under another filter than `filter`: they stay selected when the filter changes (people
 * can be gathered from several filters), and the page says how many and offers to clear them.
 */
export function pickedElsewhere(selection: SelectionState, filter: PeopleFilter): string[] {
  if (selection.kind !== 'ids') return [];
  return [...selection.ids].filter((id) => {
    const under = selection.under?.get(id);
    return under !== undefined && !sameFilter(under, filter);
  });
}

/** The selection without the ticked rows picked under another filter. */
export function withoutPickedElsewhere(selection: SelectionState, filter: PeopleFilter): SelectionState {
  if (selection.kind !== 'ids') return selection;
  const elsewhere = new Set(pickedElsewhere(selection, filter));
  const ids = new Set([...selection.ids].filter((id) => !elsewhere.has(id)));
  return { kind: 'ids', ids, under: pickedUnder(selection.under, [...elsewhere], false, filter) };
}

/** How much of the page is selected: drives the header checkbox (checked, mixed or clear). */
export function pageSelection(selection: SelectionState, pageIds: readonly string[]): PageSelection {
  const selected = pageIds.filter((id) => isSelected(selection, id)).length;
  if (selected === 0 || pageIds.length === 0) return 'none';
  return selected === pageIds.length ? 'all' : 'some';
}

/** The header checkbox: a fully selected page is unselected, anything else becomes fully selected. */
export function togglePage(selection: SelectionState, pageIds: readonly string[], filter: PeopleFilter = {}): SelectionState {
  const on = pageSelection(selection, pageIds) !== 'all';
  if (selection.kind === 'ids') {
    let ids = selection.ids;
    for (const id of pageIds) ids = toggled(ids, id, on);
    return { kind: 'ids', ids, under: pickedUnder(selection.under, pageIds, on, filter) };
  }
  let excluded = selection.excluded;
  for (const id of pageIds) excluded = toggled(excluded, id, !on);
  return { ...selection, excluded };
}

/**
 * After a full page is ticked, and more people match than are selected, offer "Select all N people
 * matching this filter".
 */
export function offersSelectAll(selection: SelectionState, pageIds: readonly string[], total: number): boolean {
  return selection.kind === 'ids' && pageIds.length > 0 && pageSelection(selection, pageIds) === 'all' && total > selection.ids.size;
}

export function selectAllMatching(filter: PeopleFilter, total: number): SelectionState {
  return { kind: 'all', filter, total, excluded: new Set() };
}

/** The selection of a job request. */
export function toApiSelection(selection: SelectionState): Selection {
  if (selection.kind === 'ids') return { userIds: [...selection.ids] };
  return selection.excluded.size ? { filter: selection.filter, excludeIds: [...selection.excluded] } : { filter: selection.filter };
}

/** Two filters select the same people (same fields, same values in any order). */
export function sameFilter(a: PeopleFilter, b: PeopleFilter): boolean {
  const norm = (f: PeopleFilter) =>
    JSON.stringify(
      Object.entries(f)
        .filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))
        .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v])
        .sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
  return norm(a) === norm(b);
}
