import { createHash } from 'node:crypto';
import { ActionParams, LearningMail } from '@cohort/contracts';
import { isInactive, Task } from '../../learners/learner';
import { changed, inactive, LearnerDecision, settledAlready, Subject } from '../learner-decision';

export interface AddTaskContext {
  params: ActionParams<'add-task'>;
  jobId: string;
  now: Date;
}

/** The task id of a job's task for a person: derived, so a redelivery or a retry names the same task. */
export function taskIdFor(jobId: string, userId: string): string {
  return `task-${createHash('sha256').update(`${jobId}\u0000${userId}`).digest('base64url').slice(0, 22)}`;
}

/**
 * Pure: giving one person the job's task (open), announced by the e-mail step with `data` (LearningMail
 * task-assigned). Nothing new for someone inactive. A task is never merged with another: each job gives one.
 */
export function decideAddTask(s: Subject, ctx: AddTaskContext): LearnerDecision {
  const settled = settledAlready(s, () => taskMail(ctx));
  if (settled) return settled;
  if (isInactive(s.person!)) return inactive(s);
  const { title, description, dueDate } = ctx.params;
  const task: Task = {
    taskId: taskIdFor(ctx.jobId, s.userId),
    title,
    ...(description !== undefined && { description }),
    ...(dueDate !== undefined && { dueDate }),
    status: 'open',
    createdAt: ctx.now,
    jobId: ctx.jobId,
  };
  return changed(s, {
    before: undefined,
    update: { $push: { tasks: task } },
    preview: { before: null, after: { title, ...(dueDate !== undefined && { dueDate }) } },
    data: taskMail(ctx),
  });
}

function taskMail(ctx: AddTaskContext): LearningMail {
  return { kind: 'task-assigned', taskTitle: ctx.params.title, ...(ctx.params.dueDate !== undefined && { dueDate: ctx.params.dueDate }) };
}
