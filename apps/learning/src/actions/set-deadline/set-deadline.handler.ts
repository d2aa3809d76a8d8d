import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { LearnerActionRunner } from '../learner-action.runner';
import { decideSetDeadline } from './set-deadline.decision';

/** A work chunk of `set-deadline` (reversible: its undo is restore-deadline); a dry run decides without writing. */
export class SetDeadline {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Sets the course deadline of each person of the chunk (see decideSetDeadline). */
@CommandHandler(SetDeadline)
export class SetDeadlineHandler implements ICommandHandler<SetDeadline, Outcome[]> {
  constructor(private readonly runner: LearnerActionRunner) {}

  async execute({ work, dryRun }: SetDeadline): Promise<Outcome[]> {
    const params = validateParams('set-deadline', work.params);
    if (!params.ok) return failAll(work, LEARNING.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const { courseId, deadline } = params.params;
    return this.runner.run(work, dryRun, () => (s) => decideSetDeadline(s, courseId, deadline));
  }
}
