import { Type } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ServiceName, TOPICS, workTopic, WorkChunk } from '@cohort/contracts';
import { KafkaController } from './pass-through.filter';
import { parseMessage } from './validate';
import { failAll, WorkResultsPublisher } from './work-results';

/**
 * The work-topic consumer of a service whose actions are not built yet: every person of a chunk
 * fails at once with `<SERVICE>.UNKNOWN_ACTION`, so a job reaches its end (and compensates earlier
 * saga steps) in seconds instead of waiting for the orchestrator's step timeout. Replaced by the
 * service's own Kafka controller as its actions land.
 */
export function notYetBuiltWorkController(service: Exclude<ServiceName, 'identity'>): Type<unknown> {
  @KafkaController()
  class NotYetBuiltWorkController {
    constructor(readonly results: WorkResultsPublisher) {}

    @EventPattern(workTopic(service, TOPICS))
    async handle(@Payload() body: unknown): Promise<void> {
      const work: WorkChunk = parseMessage(WorkChunk, body);
      const code = `${service.toUpperCase()}.UNKNOWN_ACTION`;
      await this.results.publish(service, work, failAll(work, code, `${service} has no action ${work.action} yet`));
    }
  }
  return NotYetBuiltWorkController;
}
