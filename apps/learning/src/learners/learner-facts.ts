import { Injectable } from '@nestjs/common';
import { PersonFacts } from '@cohort/contracts';
import { PersonFactsPublisher } from '@cohort/messaging';
import { Enrolment, FINISHED, LearnerDoc, PASSED, STARTED, withdrawnOf } from './learner';
import { LearnersRepository } from './learners.repository';

/**
 * Pure: what identity's directory filters on, from a person's learners document: the courses they are enrolled
 * in now; of those, where each stands (passed, failed, started); and, from withdrawn records too, which they
 * finished, passed or failed (a finished attempt stays the person's record after a withdraw).
 */
export function learnerFacts(tenantId: string, doc: LearnerDoc, at: string): PersonFacts {
  const current = doc.enrolments ?? [];
  const records = [...current, ...withdrawnOf(doc)];
  const ids = (list: readonly Enrolment[], statuses: ReadonlySet<string>) => [
    ...new Set(list.filter((e) => statuses.has(e.status)).map((e) => e.courseId)),
  ];
  const passed = ids(records, PASSED);
  return {
    tenantId,
    userId: doc.userId,
    courseIds: current.map((e) => e.courseId),
    completedCourseIds: ids(records, FINISHED),
    passedCourseIds: passed,
    failedCourseIds: ids(records, new Set(['failed'])).filter((c) => !passed.includes(c)),
    startedCourseIds: ids(current, STARTED),
    at,
  };
}

/**
 * Tells identity which courses people are enrolled in and have finished (PersonFacts on
 * `cohort.people.facts.v1`). The lists are read after the write, so what goes out is the stored truth
 * whatever other jobs did meanwhile; `at` is taken before the read, and identity keeps the newest.
 */
@Injectable()
export class LearnerFacts {
  constructor(
    private readonly learners: LearnersRepository,
    private readonly publisher: PersonFactsPublisher,
  ) {}

  async publish(tenantId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    const at = new Date().toISOString();
    const docs = await this.learners.findMany(tenantId, userIds);
    await this.publisher.publish([...docs.values()].map((doc) => learnerFacts(tenantId, doc, at)));
  }
}
