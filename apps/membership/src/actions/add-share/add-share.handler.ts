import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IdentityLookupClient } from '@cohort/common';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { decideEach, DRY_RUN_KEY, failAll, opKey } from '@cohort/messaging';
import { GroupsRepository } from '../../groups/groups.repository';
import { MEMBERSHIP } from '../../membership.errors';
import { MembershipsRepository } from '../../memberships/memberships.repository';
import { runChunk, settle } from '../membership-work';
import { decideAddShare } from './add-share.decision';

/** A work chunk of `add-share`; a dry run decides without writing. */
export class AddShare {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Shares each person with a manager of another team (who then sees them in their scope). The manager must
 * be a person of the tenant who manages at least one team; identity is asked about them apart from the chunk.
 */
@CommandHandler(AddShare)
export class AddShareHandler implements ICommandHandler<AddShare, Outcome[]> {
  constructor(
    private readonly identity: IdentityLookupClient,
    private readonly groups: GroupsRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  async execute({ work, dryRun }: AddShare): Promise<Outcome[]> {
    const params = validateParams('add-share', work.params);
    if (!params.ok) return failAll(work, MEMBERSHIP.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const { managerUserId } = params.params;
    return runChunk(work, async () => {
      const teams = await this.groups.teamsManagedBy(work.tenantId, managerUserId);
      // two look-ups: a full chunk plus the manager would exceed what one look-up takes
      const [known, manager] = await Promise.all([
        this.identity.people(work.tenantId, work.userIds),
        this.identity.people(work.tenantId, [managerUserId]),
      ]);
      const managedTeamIds = manager.has(managerUserId) && teams.length ? new Set(teams.map((t) => t.groupId)) : undefined;
      const docs = await this.memberships.findMany(work.tenantId, work.userIds);
      const ctx = { managerUserId, managedTeamIds, key: dryRun ? DRY_RUN_KEY : opKey(work) };
      const decisions = decideEach(work.userIds, (id) => decideAddShare(id, known.has(id), docs.get(id), ctx));
      return settle(this.memberships, work, decisions, dryRun);
    });
  }
}
