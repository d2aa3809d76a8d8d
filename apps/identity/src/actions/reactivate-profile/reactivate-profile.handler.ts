import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { PeopleRepository } from '../../people/people.repository';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { runTransition } from '../status/run-status-change';
import { REACTIVATE_PROFILE } from '../status/status-transition';

/** A work chunk of `reactivate-profile`; a dry run decides without writing. */
export class ReactivateProfile {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Gives archived people their access back (invited again if they never accepted their invitation). */
@CommandHandler(ReactivateProfile)
export class ReactivateProfileHandler implements ICommandHandler<ReactivateProfile, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  execute({ work, dryRun }: ReactivateProfile): Promise<Outcome[]> {
    const stores = { people: this.people, tenants: this.tenants };
    return runTransition(stores, work, dryRun, 'reactivate-profile', REACTIVATE_PROFILE);
  }
}
