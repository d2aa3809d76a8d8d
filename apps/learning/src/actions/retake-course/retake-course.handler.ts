import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { LEARNING } from '../../learning.errors';
import { LearnerActionRunner } from '../learner-action.runner';
import { decideRetakeCourse } from './retake-course.decision';

/** A work chunk of `retake-course`; a dry run decides without writing. */
export class RetakeCourse {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Starts a new attempt of the course for each person of the chunk (see decideRetakeCourse). */
@CommandHandler(RetakeCourse)
export class RetakeCourseHandler implements ICommandHandler<RetakeCourse, Outcome[]> {
  constructor(private readonly runner: LearnerActionRunner) {}

  async execute({ work, dryRun }: RetakeCourse): Promise<Outcome[]> {
    const params = validateParams('retake-course', work.params);
    if (!params.ok) return failAll(work, LEARNING.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const now = new Date();
    return this.runner.run(work, dryRun, () => (s) => decideRetakeCourse(s, params.params.courseId, now), { changesCourses: true });
  }
}
