import { Navigate, NavLink, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { Session, useSessionState } from '../auth/session';
import { AccountLinkPage } from '../auth/AccountLinkPage';
import { emailLinkOf } from '../auth/email-links';
import { SignInPage } from '../auth/SignInPage';
import { RunActionPage } from '../actions/RunActionPage';
import { InboxPage } from '../inbox/InboxPage';
import { LearningPage } from '../inbox/LearningPage';
import { JobPage } from '../jobs/JobPage';
import { JobsPage } from '../jobs/JobsPage';
import { PeoplePage } from '../people/PeoplePage';
import { Loading, PageHeading } from '../ui/feedback';

/** The console: sign-in, then the pages the signed-in person may use. */
export function App() {
  const { session, loading, signOut } = useSessionState();
  const navigate = useNavigate();
  const location = useLocation();
  const link = emailLinkOf(location.pathname, location.hash);
  if (link && link.kind !== 'page') return <AccountLinkPage kind={link.kind} token={link.token} />;
  if (loading) {
    return (
      <main id="main" className="page">
        <Loading what="your account" />
      </main>
    );
  }
  if (!session) return <SignInPage />;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header
        session={session}
        onSignOut={() => {
          signOut();
          navigate('/');
        }}
      />
      <main id="main" className="page">
        <Routes>
          <Route path="/" element={<Navigate to={session.readsPeople ? '/people' : '/inbox'} replace />} />
          <Route path="/console" element={<Navigate to={link?.kind === 'page' ? link.to : '/'} replace />} />
          {session.readsPeople && <Route path="/people" element={<PeoplePage />} />}
          {session.actions.length > 0 && <Route path="/actions/:actionId" element={<RunActionPage />} />}
          {session.actions.length > 0 && <Route path="/jobs" element={<JobsPage />} />}
          {session.actions.length > 0 && <Route path="/jobs/:jobId" element={<JobRoute />} />}
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/learning" element={<LearningPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </>
  );
}

function Header({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const inbox = useQuery({ queryKey: ['inbox', 'unread'], queryFn: () => api.notifications(), staleTime: 30_000 });
  const unread = inbox.data?.unread ?? session.me.notifications?.unread ?? 0;
  return (
    <header className="top">
      <span className="brand">Cohort</span>
      <nav aria-label="Main">
        <ul>
          {session.readsPeople && (
            <li>
              <NavLink to="/people">People</NavLink>
            </li>
          )}
          {session.actions.length > 0 && (
            <li>
              <NavLink to="/jobs">Jobs</NavLink>
            </li>
          )}
          <li>
            <NavLink to="/learning">My learning</NavLink>
          </li>
          <li>
            <NavLink to="/inbox">
              Inbox
              {unread > 0 && (
                <span className="badge">
                  {unread}
                  <span className="visually-hidden"> unread</span>
                </span>
              )}
            </NavLink>
          </li>
        </ul>
      </nav>
      <div className="who">
        <span>
          {session.me.name}{' '}
          <span className="muted">
            ({session.me.role}, {session.claims.tid})
          </span>
        </span>
        <button type="button" className="link-button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}

function NotFound() {
  return (
    <>
      <PageHeading title="Not found">Page not found</PageHeading>
      <p>
        There is nothing here, or you may not open it. <NavLink to="/">Go to the start page</NavLink>.
      </p>
    </>
  );
}

/** One JobPage per job: following a retry or an undo starts from a fresh page, never the previous job's live state. */
function JobRoute() {
  const { jobId = '' } = useParams();
  return <JobPage key={jobId} />;
}
