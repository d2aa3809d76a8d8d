import { Type } from '@nestjs/common';
import { CommandBus, ICommandHandler } from '@nestjs/cqrs';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Outcome, ServiceName, TOPICS, workTopic, WorkChunk } from '@cohort/contracts';
import { KafkaController } from './pass-through.filter';
import { parseMessage } from './validate';
import { failAll, WorkResultsPublisher } from './work-results';

/** A participant action's command: built from a work chunk (a dry run for the decide endpoint, where a service has one). */
export type WorkCommand = new (work: WorkChunk, dryRun?: boolean) => object;

/**
 * The work-topic consumer of a service: a work chunk becomes the registered action's command on the
 * CommandBus, its per-person outcomes one result message; an action the service does not have fails
 * every person with `<SERVICE>.UNKNOWN_ACTION` (not retryable), so the job ends instead of waiting.
 */
export function workController(service: ServiceName, commandFor: (actionId: string) => WorkCommand | undefined): Type<unknown> {
  @KafkaController()
  class WorkController {
    constructor(
      readonly commands: CommandBus,
      readonly results: WorkResultsPublisher,
    ) {}

    @EventPattern(workTopic(service, TOPICS))
    async handle(@Payload() body: unknown): Promise<void> {
      const work = parseMessage(WorkChunk, body);
      const command = commandFor(work.action);
      const outcomes: Outcome[] = command
        ? await this.commands.execute(new command(work))
        : failAll(work, `${service.toUpperCase()}.UNKNOWN_ACTION`, `${service} has no action ${work.action}`);
      await this.results.publish(service, work, outcomes);
    }

    /** the express lane (small jobs): the same work, consumed by a consumer group of its own */
    @EventPattern(workTopic(service, TOPICS, 'express'))
    handleExpress(@Payload() body: unknown): Promise<void> {
      return this.handle(body);
    }
  }
  Object.defineProperty(WorkController, 'name', { value: `${service[0].toUpperCase()}${service.slice(1)}WorkController` });
  return WorkController;
}

/** A registry lookup that never answers inherited keys such as `constructor`. */
export function registryLookup<T>(registry: Readonly<Record<string, T>>): (id: string) => T | undefined {
  return (id) => (Object.hasOwn(registry, id) ? registry[id] : undefined);
}

/** One participant action of a service: its command and the handler that runs it. */
export interface WorkAction {
  /** the command a work chunk of this action becomes; `dryRun` decides without writing (the decide endpoint) */
  command: WorkCommand;
  /** absent when the module registers the handler itself (erase-person, built by erasePersonHandler) */
  handler?: Type<ICommandHandler>;
}

/** A service's work actions by id: the command lookup for its consumers and the handlers its module provides. */
export function workRegistry(actions: Readonly<Record<string, WorkAction>>): {
  commandFor: (actionId: string) => WorkCommand | undefined;
  handlers: Type<ICommandHandler>[];
} {
  const lookup = registryLookup(actions);
  return {
    commandFor: (actionId) => lookup(actionId)?.command,
    handlers: Object.values(actions).flatMap((a) => (a.handler ? [a.handler] : [])),
  };
}
