import { CommandBus } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { TOPICS } from '@cohort/contracts';
import { KafkaController } from '@cohort/messaging';
import { NoticeJobEnd } from './job-notice.handler';
import { endedEvent } from './job-notice.decision';

/**
 * The job lifecycle events, in communications' own consumer group (`<prefix>cohort.communications`,
 * apart from the gateway's per-process groups): a job's end may owe its actor a completion notice. The
 * other events are passed over; a malformed end event is dead-lettered by the transport (InvalidMessageError).
 */
@KafkaController()
export class JobEventsKafkaController {
  constructor(private readonly commands: CommandBus) {}

  @EventPattern(TOPICS.events)
  async handle(@Payload() body: unknown): Promise<void> {
    const event = endedEvent(body);
    if (event) await this.commands.execute(new NoticeJobEnd(event));
  }
}
