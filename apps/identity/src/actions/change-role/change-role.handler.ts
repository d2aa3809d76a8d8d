import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository } from '../../people/people.repository';
import { isActiveOwner, Person } from '../../people/person.schema';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { Decision, DRY_RUN_KEY, dryRunOutcome } from '../decision';
import { decideRoleChanges, lastOwner } from './change-role.decision';

/** A work chunk of `change-role`; a dry run decides without writing. */
export class ChangeRole {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Changes roles in bulk, guarding the last Owner through the tenant's owners list. Writes are
 * ordered so that a crash between two of them leaves the list missing an Owner (stricter guard),
 * never holding a former one; a redelivered chunk reconciles the list for the people it already changed.
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
    const refused = await this.apply(work.tenantId, decisions, found, owners);
    return decisions.map((d) => (refused.has(d.outcome.userId) ? lastOwner(d.outcome.userId).outcome : d.outcome));
  }

  /** Writes the decisions; returns the demotions the atomic guard refused (another chunk took the other Owner). */
  private async apply(tenantId: string, decisions: Decision[], found: ReadonlyMap<string, Person>, owners: ReadonlySet<string>): Promise<Set<string>> {
    const changes = decisions.filter((d) => d.change);
    const demotions = changes.filter((d) => isActiveOwner(found.get(d.outcome.userId)));
    const others = changes.filter((d) => !demotions.includes(d));
    const replays = decisions.filter((d) => d.replayed).map((d) => found.get(d.outcome.userId)!);
    // 1. people first, then the owners list: a crash in between leaves a new Owner off the list
    await this.people.apply(tenantId, others.map((d) => d.change!));
    const promoted = others.filter((d) => isActiveOwner({ role: d.change!.set.role!, status: found.get(d.outcome.userId)!.status }));
    const owning = replays.filter((p) => isActiveOwner(p) && !owners.has(p.userId));
    await this.tenants.addOwners(tenantId, [...promoted.map((d) => d.outcome.userId), ...owning.map((p) => p.userId)]);
    // 2. the owners list first (atomic guard), then people: a crash in between leaves a demoted Owner off the list
    const refused = new Set<string>();
    for (const d of demotions) {
      if (!(await this.tenants.removeOwnerIfAnotherRemains(tenantId, d.outcome.userId))) refused.add(d.outcome.userId);
    }
    await this.people.apply(tenantId, demotions.filter((d) => !refused.has(d.outcome.userId)).map((d) => d.change!));
    // 3. a redelivery makes the list agree with the people this step already changed
    await this.tenants.removeOwners(tenantId, replays.filter((p) => !isActiveOwner(p) && owners.has(p.userId)).map((p) => p.userId));
    return refused;
  }
}
