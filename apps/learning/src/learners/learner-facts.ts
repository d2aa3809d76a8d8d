import { Injectable } from '@nestjs/common';
import { PersonFacts } from '@cohort/contracts';
import { PersonFactsPublisher } from '@cohort/messaging';
import { isFinished, LearnerDoc } from './learner';
import { LearnersRepository } from './learners.repository';

/** Pure: what identity's directory filters on (course, completion), from a person's learners document. */
export function learnerFacts(tenantId: string, doc: LearnerDoc, at: string): PersonFacts {
  const enrolments = doc.enrolments ?? [];
  return {
    tenantId,
    userId: doc.userId,
    courseIds: enrolments.map((e) => e.courseId),
    completedCourseIds: enrolments.filter(isFinished).map((e) => e.courseId),
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
