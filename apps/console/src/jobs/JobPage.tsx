import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { JobView } from '../api/types';
import { FINISHED } from '../api/types';
import { useSession } from '../auth/session';
import { describeFilter } from '../people/filter-params';
import { ErrorNotice, Loading, PageHeading, plural, when } from '../ui/feedback';
import { PreviewPanel } from '../actions/PreviewPanel';
import { useJobEvents } from './job-events';
import { doneOf, etaText, percentOf, rateText } from './progress';
import { ResultsPanel } from './ResultsPanel';

const STATES = ['pending', 'running', 'succeeded', 'skipped', 'failed', 'cancelled'] as const;

/** One job: live progress while it runs (SSE), then its per-person results. */
export function JobPage() {
  const { jobId = '' } = useParams();
  const session = useSession();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const job = useQuery({ queryKey: ['job', jobId], queryFn: () => api.job(jobId) });
  const live = useJobEvents(jobId, job.data?.status);
  // without the live stream, read the job every 2 s until it ends
  useQuery({
    queryKey: ['job', jobId, 'poll'],
    queryFn: async () => {
      const view = await api.job(jobId);
      queries.setQueryData(['job', jobId], view);
      return view;
    },
    enabled: live === 'lost' && job.data !== undefined && !FINISHED.has(job.data.status),
    refetchInterval: 2000,
  });
  const cancel = useMutation({ mutationFn: () => api.cancel(jobId), onSuccess: (view) => queries.setQueryData(['job', jobId], view) });
  const follow = (id: string) => navigate(`/jobs/${encodeURIComponent(id)}`);
  const retry = useMutation({ mutationFn: () => api.retry(jobId), onSuccess: ({ id }) => follow(id) });
  // an undo is previewed like any job, then runs exactly the previewed people
  const undoPreview = useMutation({ mutationFn: () => api.undoPreview(jobId) });
  const undo = useMutation({
    mutationFn: (approvalCount?: number) => api.undo(jobId, { snapshotId: undoPreview.data!.snapshotId, approvalCount }),
    onSuccess: ({ id }) => follow(id),
  });

  if (job.isPending) return <Loading what="the job" />;
  if (!job.data) return <ErrorNotice error={job.error} title="Could not load the job" />;
  const view = job.data;
  const action = session.actions.find((a) => a.id === view.action);
  const title = action?.title ?? view.action;
  const finished = FINISHED.has(view.status);

  return (
    <>
      <PageHeading title={`${title} job`}>{title}</PageHeading>
      <p className="lead">
        {describeSelection(view)} · started by {view.actorId} · {when(view.createdAt)}
        {view.retryOf && (
          <>
            {' '}
            · retry of <Link to={`/jobs/${encodeURIComponent(view.retryOf)}`}>an earlier job</Link>
          </>
        )}
        {view.undoOf && (
          <>
            {' '}
            · undo of <Link to={`/jobs/${encodeURIComponent(view.undoOf)}`}>an earlier job</Link>
          </>
        )}
      </p>
      <Progress job={view} live={live} />
      {!finished && (
        <div className="buttons">
          <button type="button" className="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel job'}
          </button>
        </div>
      )}
      <ErrorNotice error={cancel.error} title="Could not cancel" />
      <ErrorNotice error={retry.error} title="Could not retry" />
      <ErrorNotice error={undoPreview.error ?? undo.error} title="Could not undo" />
      {undoPreview.data ? (
        <PreviewPanel
          action={{ title: `Undo ${title.toLowerCase()}`, destructive: undoPreview.data.warnings.some((w) => w.code === 'DESTRUCTIVE') }}
          preview={undoPreview.data}
          runLabel={`Undo for ${plural(undoPreview.data.total, 'person', 'people')}`}
          submitting={undo.isPending}
          onBack={() => undoPreview.reset()}
          onConfirm={(approvalCount) => undo.mutate(approvalCount)}
        />
      ) : (
        (finished || doneOf(view.counts) > 0) && (
          <ResultsPanel
            job={view}
            finished={finished}
            artifact={finished && view.status === 'completed' && (view.action === 'export-csv' || view.action === 'download-certificates')}
            onRetry={finished && view.counts.failed > 0 ? () => retry.mutate() : undefined}
            onUndo={view.reversible ? () => undoPreview.mutate() : undefined}
            busy={retry.isPending || undoPreview.isPending || undo.isPending}
          />
        )
      )}
      <p>
        <Link to="/jobs">All jobs</Link> · <Link to="/people">People</Link>
      </p>
    </>
  );
}

function Progress({ job, live }: { job: JobView; live: string }) {
  const percent = percentOf(job);
  const finished = FINISHED.has(job.status);
  const statusText = finished
    ? `${capitalise(job.status)}: ${
        STATES.filter((s) => job.counts[s] > 0)
          .map((s) => `${job.counts[s]} ${s}`)
          .join(', ') || 'nobody'
      }`
    : job.total === null
      ? 'Finding the people…'
      : `${capitalise(job.status)}: ${doneOf(job.counts)} of ${job.total} done`;
  return (
    <section className="progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      <div className="bar-row">
        <div
          className={`bar bar-${job.status}`}
          role="progressbar"
          aria-labelledby="progress-heading"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%`}
        >
          <div className="bar-fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="percent">{percent}%</span>
      </div>
      <p className="job-status" role="status" aria-live="polite">
        {statusText}
      </p>
      {job.reason && (
        <p className="notice notice-error">
          {job.reason.message} ({job.reason.code})
        </p>
      )}
      <dl className="counts">
        {STATES.map((s) => (
          <div key={s}>
            <dt>{capitalise(s)}</dt>
            <dd className={`count-${s}`}>{job.counts[s].toLocaleString('en-GB')}</dd>
          </div>
        ))}
        <div>
          <dt>Rate</dt>
          <dd>{finished ? '—' : rateText(job.ratePerSecond)}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>{finished ? 'done' : etaText(job.etaSeconds)}</dd>
        </div>
      </dl>
      {!finished && (
        <p className="muted small">
          {live === 'live' ? 'Live updates on.' : live === 'lost' ? 'Live updates lost: reading every 2 s.' : 'Connecting…'}
        </p>
      )}
    </section>
  );
}

function describeSelection(job: JobView): string {
  const s = job.selection;
  const total = job.total === null ? '' : plural(job.total, 'person', 'people');
  if (s.filter) return `${total || 'everyone'} matching ${describeFilter(s.filter)}${s.excludeIdCount ? ` (${s.excludeIdCount} left out)` : ''}`;
  if (s.importId) return `${total} from an uploaded file`;
  return total || plural(s.userIdCount ?? 0, 'person', 'people');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/-/g, ' ');
