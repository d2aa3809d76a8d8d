import { Injectable } from '@nestjs/common';
import { PersonFacts } from '@cohort/contracts';
import { PersonFactsPublisher } from '@cohort/messaging';
import { MembershipsRepository } from './memberships.repository';

/**
 * Tells identity which teams and groups people are in now (PersonFacts on `cohort.people.facts.v1`), so
 * the directory filters on them. The lists are read after the write, so what goes out is the stored truth
 * whatever other jobs did meanwhile; `at` is taken before the read, and identity keeps the newest.
 */
@Injectable()
export class MembershipFacts {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly publisher: PersonFactsPublisher,
  ) {}

  async publish(tenantId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    const at = new Date().toISOString();
    const docs = await this.memberships.findMany(tenantId, userIds);
    const facts: PersonFacts[] = [...docs.values()].map((d) => ({ tenantId, userId: d.userId, groupIds: [...d.groupIds], at }));
    await this.publisher.publish(facts);
  }
}
