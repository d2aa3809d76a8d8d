import { ReactNode } from 'react';
import { flexRender, Table } from '@tanstack/react-table';

/** A TanStack table as an accessible HTML table (caption, column headers), scrolling sideways on narrow screens. */
export function DataTable<T>({
  table,
  caption,
  className,
  rowClass,
}: {
  table: Table<T>;
  caption: ReactNode;
  className: string;
  rowClass?: (row: T) => string | undefined;
}) {
  return (
    <div className="table-scroll">
      <table className={`grid ${className}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className={`col-${header.column.id}`}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={rowClass?.(row.original)}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
