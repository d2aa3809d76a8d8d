import { useMemo, useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { ColumnDef, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { download } from '../api/client';
import { api } from '../api/endpoints';
import type { ItemState, ItemView, JobView } from '../api/types';
import { ErrorNotice, Loading, plural } from '../ui/feedback';
import { DataTable } from '../ui/DataTable';
import { Pager, useCursorPages } from '../ui/Pager';
import { ReasonTable } from '../ui/ReasonTable';
import { groupByReason, valueText } from './progress';
import { PersonName } from '../ui/PersonName';

/** People of one outcome read for grouping by reason; past it, the groups say they cover the first ones. */
const GROUPING_LIMIT = 2000;
const FILTERS: (ItemState | 'all')[] = ['all', 'succeeded', 'skipped', 'failed', 'cancelled', 'running', 'pending'];

interface Props {
  job: JobView;
  finished: boolean;
  artifact: boolean;
  onRetry?: () => void;
  onUndo?: () => void;
  busy: boolean;
}

/** A job's per-person results: filter by state, failures and skips grouped by reason, CSV, retry failed, undo. */
export function ResultsPanel({ job, finished, artifact, onRetry, onUndo, busy }: Props) {
  const [filter, setFilter] = useState<ItemState | 'all'>('all');
  const status = filter === 'all' ? undefined : filter;
  const pages = useCursorPages(`${job.id}/${filter}`);
  const items = useQuery({
    queryKey: ['items', job.id, filter, pages.cursor],
    queryFn: () => api.items(job.id, status, pages.cursor),
    placeholderData: keepPreviousData,
    refetchInterval: finished ? false : 3000,
  });
  const csv = useMutation({ mutationFn: () => download(api.resultsCsvPath(job.id), `job-${job.id}-results.csv`) });
  const file = useMutation({ mutationFn: () => download(api.artifactPath(job.id), `job-${job.id}`) });
  const all = job.total ?? Object.values(job.counts).reduce((a, b) => a + b, 0);
  const countOf = (f: ItemState | 'all') => (f === 'all' ? all : job.counts[f]);

  return (
    <section className="results" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <div className="buttons">
        <button type="button" onClick={() => csv.mutate()} disabled={csv.isPending}>
          {csv.isPending ? 'Preparing…' : 'Download results (CSV)'}
        </button>
        {artifact && (
          <button type="button" onClick={() => file.mutate()} disabled={file.isPending}>
            Download the file
          </button>
        )}
        {onRetry && (
          <button type="button" className="primary" onClick={onRetry} disabled={busy}>
            Retry {plural(job.counts.failed, 'failed person', 'failed people')}
          </button>
        )}
        {onUndo && (
          <button type="button" onClick={onUndo} disabled={busy}>
            Undo this job
          </button>
        )}
      </div>
      <ErrorNotice error={csv.error ?? file.error} title="The download failed" />

      {finished && job.counts.failed > 0 && <ReasonGroups job={job} state="failed" title="Failures by reason" />}
      {finished && job.counts.skipped > 0 && <ReasonGroups job={job} state="skipped" title="Skipped, by reason" />}
      {finished && job.counts.failed === 0 && job.counts.skipped === 0 && job.counts.cancelled === 0 && job.status === 'completed' && (
        <p className="notice notice-ok">Every person succeeded.</p>
      )}

      <fieldset className="choices inline state-filter">
        <legend>Show</legend>
        {FILTERS.filter((f) => f === 'all' || countOf(f) > 0 || f === filter).map((f) => (
          <label key={f} className="choice">
            <input type="radio" name="state" value={f} checked={filter === f} onChange={() => setFilter(f)} />
            {f === 'all' ? 'Everyone' : f.charAt(0).toUpperCase() + f.slice(1)} ({countOf(f).toLocaleString('en-GB')})
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={items.error} title="Could not load the results" />
      {items.isPending && <Loading what="results" />}
      {items.data && (
        <>
          <ItemsTable items={items.data.items} caption={`People ${filter === 'all' ? '' : `(${filter}) `}of this job`} />
          <Pager label="Result pages" pages={pages} nextCursor={items.data.nextCursor} />
        </>
      )}
    </section>
  );
}

function ReasonGroups({ job, state, title }: { job: JobView; state: 'failed' | 'skipped'; title: string }) {
  const groups = useQuery({
    queryKey: ['reasons', job.id, state, job.counts[state]],
    queryFn: async () => {
      const read: ItemView[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.items(job.id, state, cursor, 200);
        read.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && read.length < GROUPING_LIMIT);
      return { groups: groupByReason(read), read: read.length };
    },
  });
  return (
    <div className={`reason-groups reason-groups-${state}`}>
      {groups.isPending && <Loading what={title.toLowerCase()} />}
      <ErrorNotice error={groups.error} title={`Could not group the ${state} people`} />
      {groups.data && (
        <ReasonTable
          title={title}
          reasons={groups.data.groups}
          note={groups.data.read < job.counts[state] ? `the first ${groups.data.read} of ${job.counts[state]}` : undefined}
        />
      )}
    </div>
  );
}

const columns: ColumnDef<ItemView>[] = [
  { id: 'person', header: 'Person', cell: ({ row }) => <PersonName person={row.original} /> },
  {
    accessorKey: 'status',
    header: 'Outcome',
    cell: ({ getValue }) => <span className={`status status-${getValue<string>()}`}>{getValue<string>()}</span>,
  },
  { id: 'reason', header: 'Reason', cell: ({ row }) => (row.original.code ? <code>{row.original.code}</code> : '—') },
  { accessorKey: 'message', header: 'Explanation', cell: ({ getValue }) => getValue<string | undefined>() ?? '—' },
  { id: 'before', header: 'Before', cell: ({ row }) => valueText(row.original.before) },
  { accessorKey: 'attempts', header: 'Attempts' },
];

function ItemsTable({ items, caption }: { items: ItemView[]; caption: string }) {
  const data = useMemo(() => items, [items]);
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: (i) => i.userId });
  if (items.length === 0) return <p>Nobody here.</p>;
  return <DataTable table={table} caption={caption} className="items" />;
}
