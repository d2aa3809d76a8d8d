import { useState } from 'react';

export type CursorPages = ReturnType<typeof useCursorPages>;

/**
 * Cursor pages: the cursors of the pages seen so far, so "previous" goes back exactly. `key` (a filter)
 * starts again at the first page when it changes.
 */
export function useCursorPages(key: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({ key, cursors: [undefined] });
  const cursors = state.key === key ? state.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor: string | null) => cursor && setState({ key, cursors: [...cursors, cursor] }),
    previous: () => cursors.length > 1 && setState({ key, cursors: cursors.slice(0, -1) }),
  };
}

/** Previous / next over cursor pages, with where we are. */
export function Pager({ label, pages, nextCursor, summary }: { label: string; pages: CursorPages; nextCursor: string | null; summary?: string }) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" onClick={pages.previous} disabled={pages.page <= 1}>
        ← Previous
      </button>
      <span aria-live="polite">{summary ?? `Page ${pages.page}`}</span>
      <button type="button" onClick={() => pages.next(nextCursor)} disabled={!nextCursor}>
        Next →
      </button>
    </nav>
  );
}
