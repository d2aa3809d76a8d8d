import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { courseTargets } from '../../catalogue/catalogue';
import { CatalogueRepository } from '../../catalogue/catalogue.repository';
import { LEARNING } from '../../learning.errors';
import { LearnerActionRunner } from '../learner-action.runner';
import { decideWithdraw } from './withdraw.decision';

/** A work chunk of `withdraw`; a dry run decides without writing. */
export class Withdraw {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Withdraws the chunk's people from the courses (see decideWithdraw). A learning path or series stands for
 * its courses too; an id the catalogue no longer has is still withdrawn from (the enrolment may outlive it).
 */
@CommandHandler(Withdraw)
export class WithdrawHandler implements ICommandHandler<Withdraw, Outcome[]> {
  constructor(
    private readonly runner: LearnerActionRunner,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute({ work, dryRun }: Withdraw): Promise<Outcome[]> {
    const params = validateParams('withdraw', work.params);
    if (!params.ok) return failAll(work, LEARNING.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const now = new Date();
    return this.runner.run(
      work,
      dryRun,
      async () => {
        const catalogue = await this.catalogue.findCourses(work.tenantId, params.params.courseIds);
        const { targets } = courseTargets(params.params.courseIds, catalogue, true);
        return (s) => decideWithdraw(s, targets, now);
      },
      { changesCourses: true },
    );
  }
}
