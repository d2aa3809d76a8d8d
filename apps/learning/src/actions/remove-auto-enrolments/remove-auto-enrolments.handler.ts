import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { LearnerActionRunner } from '../learner-action.runner';
import { stepParams } from '../step-params';
import { decideRemoveAutoEnrolments, RemoveAutoEnrolmentsParams } from './remove-auto-enrolments.decision';

/** A work chunk of the participant-only `remove-auto-enrolments` (add-to-groups' undo); a dry run decides without writing. */
export class RemoveAutoEnrolments {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Takes back the not-yet-started attempts an add-to-groups job's auto-enrolment gave (see decideRemoveAutoEnrolments). */
@CommandHandler(RemoveAutoEnrolments)
export class RemoveAutoEnrolmentsHandler implements ICommandHandler<RemoveAutoEnrolments, Outcome[]> {
  constructor(private readonly runner: LearnerActionRunner) {}

  async execute({ work, dryRun }: RemoveAutoEnrolments): Promise<Outcome[]> {
    const parsed = stepParams(RemoveAutoEnrolmentsParams, work);
    if ('failed' in parsed) return parsed.failed;
    return this.runner.run(work, dryRun, () => (s) => decideRemoveAutoEnrolments(s, parsed.params), { changesCourses: true });
  }
}
