import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { PeopleRepository } from '../../people/people.repository';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { runTransition } from '../status/run-status-change';
import { MARK_PENDING_DELETION } from '../status/status-transition';

/** A work chunk of `mark-pending-deletion`; a dry run decides without writing. */
export class MarkPendingDeletion {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** The first step of `delete`: marks people pending deletion while the other services erase them; nobody deletes themself, the last active Owner stays. */
@CommandHandler(MarkPendingDeletion)
export class MarkPendingDeletionHandler implements ICommandHandler<MarkPendingDeletion, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  execute({ work, dryRun }: MarkPendingDeletion): Promise<Outcome[]> {
    const stores = { people: this.people, tenants: this.tenants };
    return runTransition(stores, work, dryRun, 'delete', MARK_PENDING_DELETION);
  }
}
