import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { LearnerActionRunner } from '../learner-action.runner';
import { decideAddTask } from './add-task.decision';

/** A work chunk of `add-task` (the add-task saga's step 0, before communications' send-task-assigned); a dry run decides without writing. */
export class AddTask {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Gives each person of the chunk the job's task (see decideAddTask). */
@CommandHandler(AddTask)
export class AddTaskHandler implements ICommandHandler<AddTask, Outcome[]> {
  constructor(private readonly runner: LearnerActionRunner) {}

  async execute({ work, dryRun }: AddTask): Promise<Outcome[]> {
    const params = validateParams('add-task', work.params);
    if (!params.ok) return failAll(work, LEARNING.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const ctx = { params: params.params, jobId: work.jobId, now: new Date() };
    return this.runner.run(work, dryRun, () => (s) => decideAddTask(s, ctx));
  }
}
