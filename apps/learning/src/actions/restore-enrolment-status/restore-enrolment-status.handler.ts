import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { LearnerActionRunner } from '../learner-action.runner';
import { stepParams } from '../step-params';
import { decideRestoreEnrolmentStatus, RestoreEnrolmentStatusParams } from './restore-enrolment-status.decision';

/** A work chunk of the participant-only `restore-enrolment-status`, the undo job of set-participation-status. */
export class RestoreEnrolmentStatus {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Puts each person's prior enrolment status back (see decideRestoreEnrolmentStatus). */
@CommandHandler(RestoreEnrolmentStatus)
export class RestoreEnrolmentStatusHandler implements ICommandHandler<RestoreEnrolmentStatus, Outcome[]> {
  constructor(private readonly runner: LearnerActionRunner) {}

  async execute({ work, dryRun }: RestoreEnrolmentStatus): Promise<Outcome[]> {
    const parsed = stepParams(RestoreEnrolmentStatusParams, work);
    if ('failed' in parsed) return parsed.failed;
    return this.runner.run(work, dryRun, () => (s) => decideRestoreEnrolmentStatus(s, parsed.params), { changesCourses: true });
  }
}
