import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { LearnerActionRunner } from '../learner-action.runner';
import { decideSetParticipationStatus } from './set-participation-status.decision';

/** A work chunk of `set-participation-status` (reversible: its undo is restore-enrolment-status); a dry run decides without writing. */
export class SetParticipationStatus {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Records passed, failed or undecided for each person of the chunk (see decideSetParticipationStatus). */
@CommandHandler(SetParticipationStatus)
export class SetParticipationStatusHandler implements ICommandHandler<SetParticipationStatus, Outcome[]> {
  constructor(private readonly runner: LearnerActionRunner) {}

  async execute({ work, dryRun }: SetParticipationStatus): Promise<Outcome[]> {
    const params = validateParams('set-participation-status', work.params);
    if (!params.ok) return failAll(work, LEARNING.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const { courseId, status } = params.params;
    const now = new Date();
    return this.runner.run(work, dryRun, () => (s) => decideSetParticipationStatus(s, courseId, status, now), { changesCourses: true });
  }
}
