import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IdentityLookupClient } from '@cohort/common';
import { COMPENSATION_STEP_OFFSET, Outcome, ownParams, validateParams, WorkChunk } from '@cohort/contracts';
import { decideEach, DRY_RUN_KEY, failAll, opKey } from '@cohort/messaging';
import { GroupsRepository } from '../../groups/groups.repository';
import { MEMBERSHIP } from '../../membership.errors';
import { MembershipFacts } from '../../memberships/membership-facts';
import { MembershipsRepository } from '../../memberships/memberships.repository';
import { runChunk, settle, uniqueIds } from '../membership-work';
import { decideRemoveFromGroups, decideUndoAdd } from './remove-from-groups.decision';

/** A work chunk of `remove-from-groups` (or of add-to-groups' compensation); a dry run decides without writing. */
export class RemoveFromGroups {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Removes each person from the teams or groups they are in. As the compensation of add-to-groups (a chunk
 * with `step >= COMPENSATION_STEP_OFFSET`) it removes, per person, exactly what the forward step added,
 * read from that step's op marker, whatever the params say.
 */
@CommandHandler(RemoveFromGroups)
export class RemoveFromGroupsHandler implements ICommandHandler<RemoveFromGroups, Outcome[]> {
  constructor(
    private readonly identity: IdentityLookupClient,
    private readonly groups: GroupsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly facts: MembershipFacts,
  ) {}

  async execute({ work, dryRun }: RemoveFromGroups): Promise<Outcome[]> {
    if (work.step >= COMPENSATION_STEP_OFFSET) return this.compensate(work, dryRun);
    // as the first step of add-to-groups' undo the params also name the job undone, for learning's step
    const params = validateParams('remove-from-groups', ownParams(work.params));
    if (!params.ok) return failAll(work, MEMBERSHIP.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const groupIds = uniqueIds(params.params.groupIds);
    return runChunk(work, async () => {
      const existing = new Set((await this.groups.byIds(work.tenantId, groupIds)).keys());
      const known = await this.identity.people(work.tenantId, work.userIds);
      const docs = await this.memberships.findMany(work.tenantId, work.userIds);
      const ctx = { groupIds, existing, key: dryRun ? DRY_RUN_KEY : opKey(work) };
      const decisions = decideEach(work.userIds, (id) => decideRemoveFromGroups(id, known.has(id), docs.get(id), ctx));
      return settle(this.memberships, work, decisions, dryRun, this.facts);
    });
  }

  /**
   * Undoes the forward step for its people. identity is not asked: the forward step's op marker is the proof
   * that it wrote for the person (an unknown id has none, so nothing is written for it).
   */
  private compensate(work: WorkChunk, dryRun: boolean): Promise<Outcome[]> {
    const forwardKey = opKey({ jobId: work.jobId, step: work.step - COMPENSATION_STEP_OFFSET });
    return runChunk(work, async () => {
      const docs = await this.memberships.findMany(work.tenantId, work.userIds);
      const key = dryRun ? DRY_RUN_KEY : opKey(work);
      const decisions = decideEach(work.userIds, (id) => decideUndoAdd(id, docs.get(id), key, forwardKey));
      return settle(this.memberships, work, decisions, dryRun, this.facts);
    });
  }
}
