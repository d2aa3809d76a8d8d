import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { courseTargets } from '../../catalogue/catalogue';
import { CatalogueRepository } from '../../catalogue/catalogue.repository';
import { LEARNING } from '../../learning.errors';
import { LearnerActionRunner } from '../learner-action.runner';
import { decideEnrol } from './enrol.decision';

/** A work chunk of `enrol` (the enrol saga's step 0, before communications' send-enrolled); a dry run decides without writing. */
export class Enrol {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Enrols the chunk's people in the requested courses, learning paths or series (see decideEnrol). */
@CommandHandler(Enrol)
export class EnrolHandler implements ICommandHandler<Enrol, Outcome[]> {
  constructor(
    private readonly runner: LearnerActionRunner,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute({ work, dryRun }: Enrol): Promise<Outcome[]> {
    const params = validateParams('enrol', work.params);
    if (!params.ok) return failAll(work, LEARNING.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const requested = [...new Set(params.params.courseIds)];
    const now = new Date();
    return this.runner.run(
      work,
      dryRun,
      async () => {
        const catalogue = await this.catalogue.findCoursesWithInner(work.tenantId, requested);
        const targets = courseTargets(requested, catalogue);
        return (s) => decideEnrol(s, { requested, targets, catalogue, now });
      },
      { changesCourses: true },
    );
  }
}
