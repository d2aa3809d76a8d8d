import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { PersonFacts, TOPICS } from '@cohort/contracts';
import { KafkaController, parseMessage } from '@cohort/messaging';
import { ApplyPersonFacts } from './apply-person-facts.handler';

/**
 * membership's and learning's directory facts about people, in identity's consumer group. A message that
 * fails its schema is dead-lettered by the transport (InvalidMessageError) and blocks nothing.
 */
@KafkaController()
export class PersonFactsKafkaController {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(TOPICS.peopleFacts)
  async handle(@Payload() body: unknown): Promise<void> {
    await this.commands.execute(new ApplyPersonFacts(parseMessage(PersonFacts, body)));
  }
}
