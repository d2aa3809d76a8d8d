import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Outcome, TOPICS, WorkChunk } from '@cohort/contracts';
import { failAll, KafkaController, parseMessage, WorkResultsPublisher } from '@cohort/messaging';
import { workAction } from './actions/work-actions';
import { IDENTITY } from './identity.errors';

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
    const action = workAction(work.action);
    const outcomes: Outcome[] = action
      ? await this.commands.execute(new action.command(work))
      : failAll(work, IDENTITY.UNKNOWN_ACTION, `identity has no action ${work.action}`);
    await this.results.publish('identity', work, outcomes);
  }
}
