import { Injectable } from '@nestjs/common';
import { PersonFacts, TOPICS } from '@cohort/contracts';
import { KafkaPublisher } from './kafka.publisher';

/**
 * Publishes a service's directory facts about people (PersonFacts) to `cohort.people.facts.v1`, keyed by
 * `<tenant>:<user>`. Called after a chunk's writes, for every person the chunk changed or replayed, so a
 * redelivered chunk publishes again what a crash may have lost (identity applies facts idempotently).
 */
@Injectable()
export class PersonFactsPublisher {
  constructor(private readonly publisher: KafkaPublisher) {}

  async publish(facts: readonly PersonFacts[]): Promise<void> {
    await this.publisher.publish(
      TOPICS.peopleFacts,
      facts.map((f) => ({ key: `${f.tenantId}:${f.userId}`, value: f, tenantId: f.tenantId })),
    );
  }
}
