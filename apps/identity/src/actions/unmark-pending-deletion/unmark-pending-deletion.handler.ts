import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { PeopleRepository } from '../../people/people.repository';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { runRestore } from '../status/run-status-change';

/** A work chunk of `unmark-pending-deletion`; a dry run decides without writing. */
export class UnmarkPendingDeletion {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Compensates `mark-pending-deletion` when a later step of `delete` failed: the status the person had before comes back. */
@CommandHandler(UnmarkPendingDeletion)
export class UnmarkPendingDeletionHandler implements ICommandHandler<UnmarkPendingDeletion, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  execute({ work, dryRun }: UnmarkPendingDeletion): Promise<Outcome[]> {
    const stores = { people: this.people, tenants: this.tenants };
    return runRestore(stores, work, dryRun, 'delete', 'pending-deletion');
  }
}
