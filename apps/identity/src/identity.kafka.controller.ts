import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { TOPICS, WorkChunk } from '@cohort/contracts';
import { failAll, KafkaController, parseMessage, WorkResultsPublisher } from '@cohort/messaging';
import { ChangeLanguage } from './actions/change-language/change-language.handler';
import { IDENTITY } from './identity.errors';

/** identity's work actions: action id → command. */
const COMMANDS: Record<string, new (work: WorkChunk) => object> = {
  'change-language': ChangeLanguage,
};

/** Turns a work chunk into a command and its outcomes into a result message; nothing else. */
@KafkaController()
export class IdentityKafkaController {
  constructor(
    private readonly commands: CommandBus,
    private readonly results: WorkResultsPublisher,
  ) {}

  @EventPattern(TOPICS.identityWork)
  async handle(@Payload() body: unknown): Promise<void> {
    const work = parseMessage(WorkChunk, body);
    const Command = COMMANDS[work.action];
    const outcomes = Command
      ? await this.commands.execute(new Command(work))
      : failAll(work, IDENTITY.UNKNOWN_ACTION, `identity has no action ${work.action}`);
    await this.results.publish('identity', work, outcomes);
  }
}
