import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IdentityEvent, TOPICS } from '@cohort/contracts';
import { KafkaController, parseMessage } from '@cohort/messaging';
import { DeliverOnJoin } from './deliver-on-join.handler';

/**
 * identity's person events, in communications' consumer group: an activation delivers what waited for
 * the person. A message that fails its schema is dead-lettered by the transport (InvalidMessageError).
 */
@KafkaController()
export class ActivationsKafkaController {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(TOPICS.identityEvents)
  async handle(@Payload() body: unknown): Promise<void> {
    const event = parseMessage(IdentityEvent, body);
    await this.commands.execute(new DeliverOnJoin(event));
  }
}
