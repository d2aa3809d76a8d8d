import { Injectable } from '@nestjs/common';
import { IdentityEvent, TOPICS } from '@cohort/contracts';
import { KafkaPublisher } from '@cohort/messaging';

/** Publishes identity's person events (IdentityEvent) to `cohort.identity.events.v1`, keyed by tenant. */
@Injectable()
export class IdentityEventsPublisher {
  constructor(private readonly publisher: KafkaPublisher) {}

  /** An invited person joined: communications delivers what waited for them. */
  async personActivated(tenantId: string, userId: string, at: Date): Promise<void> {
    const event: IdentityEvent = { type: 'person-activated', tenantId, userId, at: at.toISOString() };
    await this.publisher.publish(TOPICS.identityEvents, [{ key: tenantId, value: event, tenantId }]);
  }
}
