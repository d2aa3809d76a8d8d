import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IdentityLookupClient } from '@cohort/common';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { Decision, decideEach, DRY_RUN_KEY, failAll, opKey } from '@cohort/messaging';
import { GroupsRepository } from '../../groups/groups.repository';
import { MEMBERSHIP } from '../../membership.errors';
import { MembershipFacts } from '../../memberships/membership-facts';
import { MembershipChange } from '../../memberships/membership.schema';
import { MembershipsRepository } from '../../memberships/memberships.repository';
import { runChunk, settle, uniqueIds } from '../membership-work';
import { decideAddToGroups } from './add-to-groups.decision';

/** A work chunk of `add-to-groups` (the first step of its saga); a dry run decides without writing. */
export class AddToGroups {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Adds each person to the teams or groups they are not in yet, and hands learning's `auto-enrol` step the
 * courses of the groups actually added (`data.autoEnrol`). An id the tenant does not have fails everyone
 * before anything is written.
 */
@CommandHandler(AddToGroups)
export class AddToGroupsHandler implements ICommandHandler<AddToGroups, Outcome[]> {
  constructor(
    private readonly identity: IdentityLookupClient,
    private readonly groups: GroupsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly facts: MembershipFacts,
  ) {}

  execute({ work, dryRun }: AddToGroups): Promise<Outcome[]> {
    return this.addToGroups(work, dryRun);
  }

  /** The chunk's people into the groups of the params; `adjust` may change each decision (restore-groups drops the auto-enrolment). */
  protected async addToGroups(
    work: WorkChunk,
    dryRun: boolean,
    adjust: (d: Decision<MembershipChange>) => Decision<MembershipChange> = (d) => d,
  ): Promise<Outcome[]> {
    const params = validateParams('add-to-groups', work.params);
    if (!params.ok) return failAll(work, MEMBERSHIP.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const groupIds = uniqueIds(params.params.groupIds);
    return runChunk(work, async () => {
      const groups = await this.groups.byIds(work.tenantId, groupIds);
      const known = await this.identity.people(work.tenantId, work.userIds);
      const docs = await this.memberships.findMany(work.tenantId, work.userIds);
      const ctx = { groupIds, groups, key: dryRun ? DRY_RUN_KEY : opKey(work) };
      const decisions = decideEach(work.userIds, (id) => adjust(decideAddToGroups(id, known.has(id), docs.get(id), ctx)));
      return settle(this.memberships, work, decisions, dryRun, this.facts);
    });
  }
}
