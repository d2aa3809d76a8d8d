import { useMutation, useQuery } from '@tanstack/react-query';
import { download } from '../api/client';
import { api } from '../api/endpoints';
import { useSession } from '../auth/session';
import { ErrorNotice, Loading, PageHeading, when } from '../ui/feedback';

/** The signed-in person's courses, tasks and certificates (what the learning e-mails link to). */
export function LearningPage() {
  const { claims } = useSession();
  const me = useQuery({ queryKey: ['me', claims.sub], queryFn: () => api.person(claims.sub) });
  const pdf = useMutation({ mutationFn: (id: string) => download(`/v1/certificates/${encodeURIComponent(id)}/pdf`, `certificate-${id}.pdf`) });
  const learning = me.data?.learning;
  return (
    <>
      <PageHeading title="My learning">My learning</PageHeading>
      {me.isPending && <Loading what="your learning" />}
      <ErrorNotice error={me.error} title="Could not load your learning" />
      <ErrorNotice error={pdf.error} title="The certificate could not be downloaded" />
      {me.data && !learning && <p className="notice notice-warning">Learning is not available right now; try again in a moment.</p>}
      {learning && (
        <>
          <h2>Courses</h2>
          {learning.enrolments.length === 0 ? (
            <p>No courses yet.</p>
          ) : (
            <ul>
              {learning.enrolments.map((e) => (
                <li key={`${e.courseId}-${e.attempt}`}>
                  {e.courseId} — {e.status}
                  {e.deadline && `, due ${when(e.deadline)}`}
                </li>
              ))}
            </ul>
          )}
          <h2>Tasks</h2>
          {learning.tasks.length === 0 ? (
            <p>No tasks.</p>
          ) : (
            <ul>
              {learning.tasks.map((t) => (
                <li key={t.taskId}>
                  {t.title} — {t.status}
                  {t.dueDate && `, due ${t.dueDate}`}
                </li>
              ))}
            </ul>
          )}
          <h2>Certificates</h2>
          {learning.certificates.length === 0 ? (
            <p>No certificates yet.</p>
          ) : (
            <ul>
              {learning.certificates.map((c) => (
                <li key={c.certificateId}>
                  {c.title}, {when(c.issuedAt)}{' '}
                  <button type="button" onClick={() => pdf.mutate(c.certificateId)}>
                    Download “{c.title}” (PDF)
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
