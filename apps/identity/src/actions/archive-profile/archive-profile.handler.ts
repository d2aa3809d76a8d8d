import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { PeopleRepository } from '../../people/people.repository';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { runTransition } from '../status/run-status-change';
import { ARCHIVE_PROFILE } from '../status/status-transition';

/** A work chunk of `archive-profile`; a dry run decides without writing. */
export class ArchiveProfile {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Archives profiles (workspace access removed, account kept); nobody archives themself, the last active Owner stays. */
@CommandHandler(ArchiveProfile)
export class ArchiveProfileHandler implements ICommandHandler<ArchiveProfile, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  execute({ work, dryRun }: ArchiveProfile): Promise<Outcome[]> {
    const stores = { people: this.people, tenants: this.tenants };
    return runTransition(stores, work, dryRun, 'archive-profile', ARCHIVE_PROFILE);
  }
}
