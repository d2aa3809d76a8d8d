import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { PeopleRepository } from '../../people/people.repository';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { runTransition } from '../status/run-status-change';
import { DEACTIVATE } from '../status/status-transition';

/** A work chunk of `deactivate`; a dry run decides without writing. */
export class Deactivate {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Deactivates active and invited people (sign-in blocked); nobody deactivates themself, the last active Owner stays. */
@CommandHandler(Deactivate)
export class DeactivateHandler implements ICommandHandler<Deactivate, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  execute({ work, dryRun }: Deactivate): Promise<Outcome[]> {
    const stores = { people: this.people, tenants: this.tenants };
    return runTransition(stores, work, dryRun, 'deactivate', DEACTIVATE);
  }
}
