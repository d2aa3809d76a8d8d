import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { JobView } from '../api/types';
import { JOB_STATUSES } from '../api/types';
import { useSession } from '../auth/session';
import { describeFilter } from '../people/filter-params';
import { ErrorNotice, Loading, PageHeading, plural, when } from '../ui/feedback';
import { Pager, useCursorPages } from '../ui/Pager';

/** The tenant's jobs, newest first: who ran what, when, on whom, and how it went. */
export function JobsPage() {
  const session = useSession();
  const [status, setStatus] = useState('');
  const [action, setAction] = useState('');
  const pages = useCursorPages(`${status}/${action}`);
  const jobs = useQuery({
    queryKey: ['jobs', status, action, pages.cursor],
    queryFn: () => api.jobs({ status: status || undefined, action: action || undefined, cursor: pages.cursor, limit: 25 }),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
  const titleOf = (id: string) => session.actions.find((a) => a.id === id)?.title ?? id;

  return (
    <>
      <PageHeading title="Jobs">Jobs</PageHeading>
      <form className="filters filters-small" aria-label="Filter jobs" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="jobs-status">Status</label>
          <select id="jobs-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any</option>
            {JOB_STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="jobs-action">Action</label>
          <select id="jobs-action" value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">Any</option>
            {session.actions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorNotice error={jobs.error} title="Could not load the jobs" />
      {jobs.isPending && <Loading what="jobs" />}
      {jobs.data && jobs.data.items.length === 0 && <p>No jobs yet.</p>}
      {jobs.data && jobs.data.items.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="grid jobs">
              <caption className="visually-hidden">Jobs, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Action</th>
                  <th scope="col">By</th>
                  <th scope="col">Who</th>
                  <th scope="col">Status</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {jobs.data.items.map((job) => (
                  <tr key={job.id}>
                    <td>
                      <Link to={`/jobs/${encodeURIComponent(job.id)}`}>{when(job.createdAt)}</Link>
                    </td>
                    <td>
                      {titleOf(job.action)}
                      {job.source === 'undo' && <span className="tag">undo</span>}
                      {job.source === 'retry' && <span className="tag">retry</span>}
                    </td>
                    <td title={job.actorId}>{job.actorName ?? job.actorId}</td>
                    <td>{selectionText(job)}</td>
                    <td>
                      <span className={`status status-${job.status}`}>{job.status}</span>
                    </td>
                    <td className="small">{outcomeText(job)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager label="Job pages" pages={pages} nextCursor={jobs.data.nextCursor} />
        </>
      )}
    </>
  );
}

function selectionText(job: JobView): string {
  const s = job.selection;
  if (s.filter) return `${job.total ?? '?'} matching ${describeFilter(s.filter)}`;
  if (s.importId) return `${job.total ?? '?'} from a file`;
  return plural(job.total ?? s.userIdCount ?? 0, 'person', 'people');
}

function outcomeText(job: JobView): string {
  const c = job.counts;
  const parts = [
    c.succeeded && `${c.succeeded} succeeded`,
    c.skipped && `${c.skipped} skipped`,
    c.failed && `${c.failed} failed`,
    c.cancelled && `${c.cancelled} cancelled`,
  ];
  return parts.filter(Boolean).join(', ') || '—';
}
