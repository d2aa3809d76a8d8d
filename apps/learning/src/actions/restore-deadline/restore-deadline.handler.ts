import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { LearnerActionRunner } from '../learner-action.runner';
import { stepParams } from '../step-params';
import { decideRestoreDeadline, RestoreDeadlineParams } from './restore-deadline.decision';

/** A work chunk of the participant-only `restore-deadline`, the undo job of set-deadline. */
export class RestoreDeadline {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Puts each person's prior course deadline back (see decideRestoreDeadline). */
@CommandHandler(RestoreDeadline)
export class RestoreDeadlineHandler implements ICommandHandler<RestoreDeadline, Outcome[]> {
  constructor(private readonly runner: LearnerActionRunner) {}

  async execute({ work, dryRun }: RestoreDeadline): Promise<Outcome[]> {
    const parsed = stepParams(RestoreDeadlineParams, work);
    if ('failed' in parsed) return parsed.failed;
    return this.runner.run(work, dryRun, () => (s) => decideRestoreDeadline(s, parsed.params));
  }
}
