import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { CatalogueRepository } from '../../catalogue/catalogue.repository';
import { LearnerActionRunner } from '../learner-action.runner';
import { autoEnrolRequest, decideAutoEnrol } from './auto-enrol.decision';

/**
 * A work chunk of `auto-enrol`: participant-only, the add-to-groups saga's step after membership's, reading
 * each person's targets from `work.data[userId].autoEnrol.courseIds` (the params are add-to-groups' own).
 */
export class AutoEnrol {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Enrols each person in their groups' auto-enrolment targets, even in courses finished before (see decideAutoEnrol). */
@CommandHandler(AutoEnrol)
export class AutoEnrolHandler implements ICommandHandler<AutoEnrol, Outcome[]> {
  constructor(
    private readonly runner: LearnerActionRunner,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async execute({ work, dryRun }: AutoEnrol): Promise<Outcome[]> {
    const requests = new Map(work.userIds.map((userId) => [userId, autoEnrolRequest(work.data?.[userId])]));
    const courseIds = [...new Set([...requests.values()].flatMap((r) => ('courseIds' in r ? r.courseIds : [])))];
    const now = new Date();
    return this.runner.run(
      work,
      dryRun,
      async () => {
        const catalogue = await this.catalogue.findCoursesWithInner(work.tenantId, courseIds);
        return (s) => decideAutoEnrol(s, requests.get(s.userId)!, catalogue, now, work.jobId);
      },
      { changesCourses: true },
    );
  }
}
