import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { ExportsRepository } from '../../exports/exports.repository';
import { PeopleRepository } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { Decision, decideEach, dryRunOutcome } from '../decision';

/** A work chunk of `erase-person` (the last step of `delete`); a dry run decides without writing. */
export class ErasePerson {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** What erasing one person means: only someone pending deletion is erased; someone gone was erased already. */
export interface EraseDecision extends Decision {
  erase?: boolean;
}

/**
 * Pure: erasing one person. Someone absent is a success (the first delivery erased them, or the
 * earlier steps did not find them either); anyone not pending deletion is refused.
 */
export function decideErase(userId: string, person: Person | undefined): EraseDecision {
  if (!person) return { outcome: { userId, status: 'succeeded' } };
  if (person.status !== 'pending-deletion') {
    const message = `only a person pending deletion is erased; status is ${person.status}`;
    return { outcome: { userId, status: 'failed', code: IDENTITY.WRONG_STATUS, message, retryable: false }, preview: { before: person.status } };
  }
  return { outcome: { userId, status: 'succeeded', before: person.status }, preview: { before: person.status }, erase: true };
}

/** Erases the people of a `delete` job from identity for good (with what exports recorded of them), and takes them off the tenant's owners list. */
@CommandHandler(ErasePerson)
export class ErasePersonHandler implements ICommandHandler<ErasePerson, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
    private readonly exports: ExportsRepository,
  ) {}

  async execute({ work, dryRun }: ErasePerson): Promise<Outcome[]> {
    const params = validateParams('delete', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const decisions: EraseDecision[] = decideEach(work.userIds, (userId) => decideErase(userId, found.get(userId)));
    if (dryRun) return decisions.map(dryRunOutcome);
    const erased = decisions.filter((d) => d.erase).map((d) => d.outcome.userId);
    await this.exports.removeRowsOfPeople(work.tenantId, erased); // what earlier exports recorded of them goes too
    await this.people.erase(work.tenantId, erased);
    await this.tenants.removeOwners(work.tenantId, erased);
    return decisions.map((d) => d.outcome);
  }
}
