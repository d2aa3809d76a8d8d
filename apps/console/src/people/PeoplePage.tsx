import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { PeopleFilter } from '../api/types';
import { useSession } from '../auth/session';
import { ErrorNotice, Loading, PageHeading, plural } from '../ui/feedback';
import { Pager, useCursorPages } from '../ui/Pager';
import { ActionsMenu } from './ActionsMenu';
import { describeFilter, filterOf, paramsOf } from './filter-params';
import { PeopleFilters } from './PeopleFilters';
import { PeopleTable } from './PeopleTable';
import {
  NOTHING,
  offersSelectAll,
  pickedElsewhere,
  sameFilter,
  selectAllMatching,
  selectedCount,
  toggle,
  togglePage,
  withoutPickedElsewhere,
} from './selection';
import { useSelection } from './selection-context';

const PAGE_SIZES = [25, 50, 100];

/** The directory: filter, page through, select people, and pick a batch action for them. */
export function PeoplePage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterOf(params), [params]);
  const [limit, setLimit] = useState(PAGE_SIZES[0]);
  const pages = useCursorPages(`${JSON.stringify(filter)}/${limit}`);
  const { selection, setSelection } = useSelection();
  const [announcement, setAnnouncement] = useState('');

  const page = useQuery({
    queryKey: ['people', filter, pages.cursor, limit],
    // the page says which filter and page number it answers: while the next one loads, the shown one stays consistent
    queryFn: async () => ({ ...(await api.people(filter, pages.cursor, limit)), pageNumber: pages.page, filter }),
    placeholderData: keepPreviousData,
  });
  const people = useMemo(() => page.data?.items ?? [], [page.data]);
  const ids = useMemo(() => people.map((p) => p.userId), [people]);
  const total = page.data?.total ?? 0;
  const count = selectedCount(selection);
  const batchActions = session.actions.filter((a) => a.id !== 'invite-users');
  const mayInvite = session.actions.some((a) => a.id === 'invite-users');

  const apply = (next: PeopleFilter) => {
    if (selection.kind === 'all' && !sameFilter(selection.filter, next)) {
      setSelection(NOTHING);
      setAnnouncement('The filter changed: the selection of everyone matching the old filter was cleared.');
    }
    setParams(paramsOf(next));
  };
  const onToggle = useCallback((id: string) => setSelection(toggle(selection, id, filter)), [selection, filter, setSelection]);
  const onTogglePage = useCallback(() => setSelection(togglePage(selection, ids, filter)), [selection, ids, filter, setSelection]);
  const elsewhere = pickedElsewhere(selection, filter).length;
  const first = ((page.data?.pageNumber ?? 1) - 1) * limit + 1;
  const summary =
    total === 0
      ? 'No people'
      : `${first.toLocaleString('en-GB')}–${(first + people.length - 1).toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;

  return (
    <>
      <div className="page-head">
        <PageHeading title="People">People</PageHeading>
        {mayInvite && (
          <Link className="button" to="/actions/invite-users">
            Invite people from a file
          </Link>
        )}
      </div>
      <PeopleFilters filter={filter} onApply={apply} />

      <div className="selection-bar" aria-label="Selection" role="region">
        <p className="selected-count" aria-live="polite">
          <strong>{plural(count, 'person', 'people')} selected</strong>
          {page.data && (
            <span className="muted">
              {' '}
              · {plural(total, 'person', 'people')} match {describeFilter(page.data.filter)}
            </span>
          )}
          {page.isPlaceholderData && <span className="muted"> · updating…</span>}
        </p>
        <div className="selection-buttons">
          {count > 0 && (
            <button type="button" onClick={() => setSelection(NOTHING)}>
              Clear selection
            </button>
          )}
          {batchActions.length > 0 && <ActionsMenu actions={batchActions} disabled={count === 0} />}
        </div>
      </div>
      {offersSelectAll(selection, ids, total) && (
        <div className="banner" role="status">
          {ids.length === 1 ? 'The only person' : `All ${ids.length} people`} on this page {ids.length === 1 ? 'is' : 'are'} selected.{' '}
          <button type="button" className="link-button" onClick={() => page.data && setSelection(selectAllMatching(page.data.filter, total))}>
            Select all {total.toLocaleString('en-GB')} people matching this filter
          </button>
        </div>
      )}
      {selection.kind === 'all' && (
        <div className="banner" role="status">
          All {plural(selection.total, 'person', 'people')} matching {describeFilter(selection.filter)} are selected
          {selection.excluded.size > 0 && ` except ${selection.excluded.size} unticked`}.{' '}
          <button type="button" className="link-button" onClick={() => setSelection(NOTHING)}>
            Clear selection
          </button>
        </div>
      )}
      {elsewhere > 0 && (
        <div className="banner" role="status">
          {plural(elsewhere, 'person', 'people')} selected under another filter {elsewhere === 1 ? 'stays' : 'stay'} selected, though not necessarily
          shown here.{' '}
          <button type="button" className="link-button" onClick={() => setSelection(withoutPickedElsewhere(selection, filter))}>
            Clear {elsewhere === 1 ? 'that person' : `those ${elsewhere}`}
          </button>
        </div>
      )}
      {announcement && (
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      )}

      <ErrorNotice error={page.error} title="Could not load people" />
      {page.isPending && <Loading what="people" />}
      {page.data && (
        <>
          <div aria-busy={page.isPlaceholderData}>
            <PeopleTable people={people} selection={selection} onToggle={onToggle} onTogglePage={onTogglePage} caption={`People, ${summary}`} />
            <div className="table-foot">
              <Pager label="People pages" pages={pages} nextCursor={page.data.nextCursor} summary={summary} />
              <label className="page-size">
                Per page{' '}
                <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
                  {PAGE_SIZES.map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </select>
              </label>
            </div>
          </div>
        </>
      )}
    </>
  );
}
