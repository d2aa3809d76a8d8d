import { changed, LearnerDecision, settledAlready, Subject } from '../learner-decision';

/**
 * Pure: what a deactivated person no longer needs (DESIGN.md §1): open tasks and enrolments in events still
 * to come. Every enrolment, done tasks, past events and certificates stay. Nothing to remove is a success
 * without a write, so a redelivery (or a second deactivation) changes nothing. `before` names what went.
 */
export function decideRemoveTemporaryData(s: Subject, now: Date): LearnerDecision {
  const settled = settledAlready(s);
  if (settled) return settled;
  const tasks = s.learner?.tasks ?? [];
  const events = s.learner?.eventEnrolments ?? [];
  const openTasks = tasks.filter((t) => t.status === 'open');
  const upcoming = events.filter((e) => e.startsAt.getTime() > now.getTime());
  const removed = { taskIds: openTasks.map((t) => t.taskId), eventIds: upcoming.map((e) => e.eventId) };
  if (openTasks.length === 0 && upcoming.length === 0) return { outcome: { userId: s.userId, status: 'succeeded' }, preview: { before: removed } };
  return changed(s, {
    before: removed,
    update: { $set: { tasks: tasks.filter((t) => t.status !== 'open'), eventEnrolments: events.filter((e) => !upcoming.includes(e)) } },
    preview: { before: removed, after: { taskIds: [], eventIds: [] } },
  });
}
