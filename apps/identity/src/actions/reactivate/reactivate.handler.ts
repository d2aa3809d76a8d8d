import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { PeopleRepository } from '../../people/people.repository';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { isCompensation, runRestore, runTransition } from '../status/run-status-change';
import { REACTIVATE } from '../status/status-transition';

/** A work chunk of `reactivate`; a dry run decides without writing. */
export class Reactivate {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Reactivates deactivated people; as the compensation of the same job's `deactivate`, restores exactly the status it replaced. */
@CommandHandler(Reactivate)
export class ReactivateHandler implements ICommandHandler<Reactivate, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  execute({ work, dryRun }: Reactivate): Promise<Outcome[]> {
    const stores = { people: this.people, tenants: this.tenants };
    return isCompensation(work)
      ? runRestore(stores, work, dryRun, 'reactivate', 'deactivated')
      : runTransition(stores, work, dryRun, 'reactivate', REACTIVATE);
  }
}
