import { Type } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { Outcome, ServiceName, WorkChunk } from '@cohort/contracts';
import { DeliveryFencedError } from '@cohort/messaging';

/** Where a service keeps data about a person: a collection and the field holding the user id (documents carry `tenantId`). */
export interface PersonDataLocation {
  collection: string;
  field: string;
  /**
   * `delete` (default): the documents whose `field` is the person are removed. `pull`: `field` is an array
   * of user ids in other people's documents (e.g. who a person is shared with): the person's id is pulled from it.
   */
  mode?: 'delete' | 'pull';
}

/** `erase-person`: a step of the delete saga in every service that holds data about people. */
export class ErasePerson {
  constructor(readonly work: WorkChunk) {}
}

/**
 * The `erase-person` handler of a service: deletes every document about the chunk's people from each
 * location the service declares, or pulls their id from lists in other people's documents (one write per
 * location, naturally idempotent: a redelivery finds nothing left). A store failure is a retryable failure of every person, never a lost erasure.
 */
export function erasePersonHandler(service: ServiceName, locations: readonly PersonDataLocation[]): Type<ICommandHandler<ErasePerson, Outcome[]>> {
  @CommandHandler(ErasePerson)
  class ErasePersonHandler implements ICommandHandler<ErasePerson, Outcome[]> {
    constructor(@InjectConnection() readonly connection: Connection) {}

    async execute({ work }: ErasePerson): Promise<Outcome[]> {
      try {
        for (const { collection, field, mode } of locations) {
          const where = { tenantId: work.tenantId, [field]: { $in: work.userIds } };
          if (mode === 'pull') await this.connection.collection(collection).updateMany(where, { $pullAll: { [field]: work.userIds } } as never);
          else await this.connection.collection(collection).deleteMany(where);
        }
      } catch (err) {
        return storeFailure(service, work, err);
      }
      return work.userIds.map((userId) => ({ userId, status: 'succeeded' }));
    }
  }
  return ErasePersonHandler;
}

/** Every person of a chunk failed, retryably, because the service's store did not answer. */
export function storeFailure(service: ServiceName, work: WorkChunk, err: unknown): Outcome[] {
  if (err instanceof DeliveryFencedError) throw err; // not the store's: this consumer no longer owns the chunk, so it reports nothing
  const message = `${service} store: ${(err as Error).message}`;
  return work.userIds.map((userId) => ({ userId, status: 'failed', code: `${service.toUpperCase()}.STORE_UNAVAILABLE`, message, retryable: true }));
}
