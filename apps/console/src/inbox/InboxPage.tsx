import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { NotificationView } from '../api/types';
import { ErrorNotice, Loading, PageHeading, plural, when } from '../ui/feedback';
import { Pager, useCursorPages } from '../ui/Pager';

/** The signed-in person's in-app notifications, newest first; anyone has one, Learners included. */
export function InboxPage() {
  const queries = useQueryClient();
  const pages = useCursorPages('inbox');
  const inbox = useQuery({ queryKey: ['inbox', pages.cursor], queryFn: () => api.notifications(pages.cursor) });
  const read = useMutation({
    mutationFn: (n: NotificationView) => api.markRead(n.id),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['inbox'] }),
  });

  return (
    <>
      <PageHeading title="Inbox">Inbox</PageHeading>
      <ErrorNotice error={inbox.error} title="Could not load your notifications" />
      <ErrorNotice error={read.error} title="Could not mark it read" />
      {inbox.isPending && <Loading what="your notifications" />}
      {inbox.data && (
        <>
          <p className="selected-count" role="status">
            {inbox.data.unread === 0 ? 'Nothing unread.' : `${plural(inbox.data.unread, 'unread notification')}.`}
          </p>
          {inbox.data.items.length === 0 && <p>No notifications yet.</p>}
          <ul className="notifications">
            {inbox.data.items.map((n) => (
              <li key={n.id}>
                <article className={`notification ${n.readAt ? 'read' : 'unread'}`} aria-labelledby={`n-${n.id}`}>
                  <h2 id={`n-${n.id}`}>
                    {!n.readAt && <span className="tag tag-new">New</span>} {n.subject}
                  </h2>
                  <p className="muted small">Received {when(n.deliveredAt)}</p>
                  <p className="body">{n.body}</p>
                  {!n.readAt && (
                    <button type="button" onClick={() => read.mutate(n)} disabled={read.isPending}>
                      Mark “{n.subject}” as read
                    </button>
                  )}
                </article>
              </li>
            ))}
          </ul>
          <Pager label="Inbox pages" pages={pages} nextCursor={inbox.data.nextCursor} />
        </>
      )}
    </>
  );
}
