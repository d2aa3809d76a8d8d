import { useEffect, useMemo, useRef } from 'react';
import { ColumnDef, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import type { Person } from '../api/types';
import { DataTable } from '../ui/DataTable';
import { isSelected, pageSelection, SelectionState } from './selection';

interface Props {
  people: Person[];
  selection: SelectionState;
  onToggle: (userId: string) => void;
  onTogglePage: () => void;
  caption: string;
}

/** A page of the directory with a checkbox per row and one in the header for the whole page. */
export function PeopleTable({ people, selection, onToggle, onTogglePage, caption }: Props) {
  const ids = useMemo(() => people.map((p) => p.userId), [people]);
  const page = pageSelection(selection, ids);
  const columns = useMemo<ColumnDef<Person>[]>(
    () => [
      {
        id: 'select',
        header: () => <PageCheckbox state={page} onChange={onTogglePage} disabled={ids.length === 0} />,
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${row.original.name}`}
            checked={isSelected(selection, row.original.userId)}
            onChange={() => onToggle(row.original.userId)}
          />
        ),
      },
      {
        id: 'name',
        header: 'Name',
        cell: ({ row }) => (
          <>
            <span className="person-name">{row.original.name}</span>
            <span className="muted small">{row.original.email}</span>
          </>
        ),
      },
      { accessorKey: 'role', header: 'Role' },
      {
        accessorKey: 'status',
        header: 'Status',
        cell: ({ getValue }) => <span className={`status status-${getValue<string>()}`}>{getValue<string>()}</span>,
      },
      { accessorKey: 'language', header: 'Language' },
      { accessorKey: 'country', header: 'Country', cell: ({ getValue }) => getValue<string | undefined>() ?? '—' },
      { id: 'labels', header: 'Labels', cell: ({ row }) => row.original.labels.join(', ') || '—' },
    ],
    [selection, page, ids, onToggle, onTogglePage],
  );
  const table = useReactTable({ data: people, columns, getCoreRowModel: getCoreRowModel(), getRowId: (p) => p.userId });

  return (
    <DataTable table={table} caption={caption} className="people" rowClass={(p) => (isSelected(selection, p.userId) ? 'selected' : undefined)} />
  );
}

function PageCheckbox({ state, onChange, disabled }: { state: 'none' | 'some' | 'all'; onChange: () => void; disabled: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input ref={ref} type="checkbox" aria-label="Select all people on this page" checked={state === 'all'} onChange={onChange} disabled={disabled} />
  );
}
