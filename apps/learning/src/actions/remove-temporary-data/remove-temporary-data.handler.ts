import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { storeFailure } from '@cohort/common';
import { Outcome, WorkChunk } from '@cohort/contracts';

/** `remove-temporary-data`: the deactivate saga's learning step. */
export class RemoveTemporaryData {
  constructor(readonly work: WorkChunk) {}
}

/**
 * Removes what a deactivated person no longer needs (DESIGN.md §1): open tasks and enrolments in events
 * still to come. Completed work (done tasks, past events, enrolments, certificates) is kept. Deletes are
 * idempotent: a redelivered chunk finds nothing left to remove.
 */
@CommandHandler(RemoveTemporaryData)
export class RemoveTemporaryDataHandler implements ICommandHandler<RemoveTemporaryData, Outcome[]> {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async execute({ work }: RemoveTemporaryData): Promise<Outcome[]> {
    const people = { tenantId: work.tenantId, userId: { $in: work.userIds } };
    try {
      await this.connection.collection('tasks').deleteMany({ ...people, status: 'open' });
      await this.connection.collection('event_enrolments').deleteMany({ ...people, startsAt: { $gt: new Date() } });
    } catch (err) {
      return storeFailure('learning', work, err);
    }
    return work.userIds.map((userId) => ({ userId, status: 'succeeded' }));
  }
}
