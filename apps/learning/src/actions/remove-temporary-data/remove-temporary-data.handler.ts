import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { LearnerActionRunner } from '../learner-action.runner';
import { decideRemoveTemporaryData } from './remove-temporary-data.decision';

/** `remove-temporary-data`: the deactivate saga's learning step (participant-only). */
export class RemoveTemporaryData {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Removes open tasks and upcoming event enrolments of the chunk's people, keeping their completed work (see decideRemoveTemporaryData). */
@CommandHandler(RemoveTemporaryData)
export class RemoveTemporaryDataHandler implements ICommandHandler<RemoveTemporaryData, Outcome[]> {
  constructor(private readonly runner: LearnerActionRunner) {}

  async execute({ work, dryRun }: RemoveTemporaryData): Promise<Outcome[]> {
    const now = new Date();
    return this.runner.run(work, dryRun, () => (s) => decideRemoveTemporaryData(s, now));
  }
}
