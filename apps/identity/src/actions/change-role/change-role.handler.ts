import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository } from '../../people/people.repository';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { DRY_RUN_KEY, dryRunOutcome } from '../decision';
import { writeGuarded } from '../owner-guard';
import { decideRoleChanges, lastOwner } from './change-role.decision';

/** A work chunk of `change-role`; a dry run decides without writing. */
export class ChangeRole {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Changes roles in bulk, guarding the last Owner through the tenant's owners list (see writeGuarded
 * for the write order that keeps the list safe across crashes and redeliveries).
 */
@CommandHandler(ChangeRole)
export class ChangeRoleHandler implements ICommandHandler<ChangeRole, Outcome[]> {
  constructor(
    private readonly people: PeopleRepository,
    private readonly tenants: TenantsRepository,
  ) {}

  async execute({ work, dryRun }: ChangeRole): Promise<Outcome[]> {
    const params = validateParams('change-role', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const owners = new Set(await this.tenants.owners(work.tenantId));
    const key = dryRun ? DRY_RUN_KEY : opKey(work);
    const decisions = decideRoleChanges(work.userIds, found, { role: params.params.role, key, actorId: work.actorId, owners });
    if (dryRun) return decisions.map(dryRunOutcome);
    const refused = await writeGuarded({ people: this.people, tenants: this.tenants }, work.tenantId, decisions, found, owners);
    return decisions.map((d) => (refused.has(d.outcome.userId) ? lastOwner(d.outcome.userId).outcome : d.outcome));
  }
}
