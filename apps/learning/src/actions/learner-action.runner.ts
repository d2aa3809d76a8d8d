import { Injectable } from '@nestjs/common';
import { Outcome, PersonView, WorkChunk } from '@cohort/contracts';
import { IdentityLookupClient, IdentityLookupError, storeFailure } from '@cohort/common';
import { decideEach, DRY_RUN_KEY, dryRunOutcome, opKey } from '@cohort/messaging';
import { LEARNING } from '../learning.errors';
import { LearnerDoc } from '../learners/learner';
import { LearnerFacts } from '../learners/learner-facts';
import { LearnersRepository } from '../learners/learners.repository';
import { LearnerDecision, Subject } from './learner-decision';

/** Decides for one person of the chunk. */
export type DecideLearner = (subject: Subject) => LearnerDecision;

export interface RunOptions {
  /** the action changes which courses people are in or finished: identity's directory is told (PersonFacts) */
  changesCourses?: boolean;
}

/**
 * The I/O every learning action shares, around its pure decision: who the chunk's people are (identity,
 * one call), their learners documents (point reads), each person decided once, then one bulk write of
 * the changes with their op markers. `prepare` reads what the decision needs besides (the catalogue).
 * identity down → every person failed retryable IDENTITY_UNAVAILABLE; the store down → STORE_UNAVAILABLE
 * (retryable); a dry run decides the same way and writes nothing. An action that changes enrolments
 * (`changesCourses`) then tells identity's directory the people's courses.
 */
@Injectable()
export class LearnerActionRunner {
  constructor(
    private readonly identity: IdentityLookupClient,
    private readonly learners: LearnersRepository,
    private readonly facts: LearnerFacts,
  ) {}

  async run(work: WorkChunk, dryRun: boolean, prepare: () => Promise<DecideLearner> | DecideLearner, options: RunOptions = {}): Promise<Outcome[]> {
    let people: Map<string, PersonView>;
    try {
      people = await this.identity.people(work.tenantId, work.userIds);
    } catch (err) {
      if (err instanceof IdentityLookupError) return identityUnavailable(work, err);
      throw err;
    }
    let decide: DecideLearner;
    let learners: Map<string, LearnerDoc>;
    try {
      [decide, learners] = await Promise.all([prepare(), this.learners.findMany(work.tenantId, [...people.keys()])]);
    } catch (err) {
      return storeFailure('learning', work, err);
    }
    const key = dryRun ? DRY_RUN_KEY : opKey(work);
    const decisions = decideEach(work.userIds, (userId) => decide({ userId, person: people.get(userId), learner: learners.get(userId), key }));
    if (dryRun) return decisions.map(dryRunOutcome);
    try {
      await this.learners.apply(
        work.tenantId,
        decisions.flatMap((d) => (d.change ? [d.change] : [])),
      );
      // changed or replayed (a redelivery after a crash publishes again what may have been lost)
      if (options.changesCourses) {
        await this.facts.publish(
          work.tenantId,
          decisions.filter((d) => d.outcome.status === 'succeeded').map((d) => d.outcome.userId),
        );
      }
    } catch (err) {
      return storeFailure('learning', work, err);
    }
    return decisions.map((d) => d.outcome);
  }
}

/** identity could not say who the people are: every person of the chunk failed, worth retrying. */
function identityUnavailable(work: WorkChunk, err: Error): Outcome[] {
  return work.userIds.map((userId) => ({ userId, status: 'failed', code: LEARNING.IDENTITY_UNAVAILABLE, message: err.message, retryable: true }));
}
