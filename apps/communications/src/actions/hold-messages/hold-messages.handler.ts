import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { storeFailure } from '@cohort/common';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { OutboxRepository } from '../../outbox/outbox.repository';

/** `hold-messages`: the deactivate saga's communications step. */
export class HoldMessages {
  constructor(readonly work: WorkChunk) {}
}

/**
 * Holds every message still waiting to go out to the chunk's people (outbox status pending → held,
 * marked with the job that held it), so a deactivated person gets no more e-mail. Idempotent: a
 * redelivery finds nothing pending.
 */
@CommandHandler(HoldMessages)
export class HoldMessagesHandler implements ICommandHandler<HoldMessages, Outcome[]> {
  constructor(private readonly outbox: OutboxRepository) {}

  async execute({ work }: HoldMessages): Promise<Outcome[]> {
    try {
      await this.outbox.holdPending(work.tenantId, work.userIds, work.jobId);
    } catch (err) {
      return storeFailure('communications', work, err);
    }
    return work.userIds.map((userId) => ({ userId, status: 'succeeded' }));
  }
}
