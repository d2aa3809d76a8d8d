import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { Decision } from '@cohort/messaging';
import { MembershipChange, MembershipOp } from '../../memberships/membership.schema';
import { AddToGroupsHandler } from '../add-to-groups/add-to-groups.handler';

/** A work chunk of the participant-only `restore-groups`, the undo of remove-from-groups; a dry run decides without writing. */
export class RestoreGroups {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Pure: an add-to-groups decision that enrols nobody. Putting people back into the groups a job took them
 * out of restores the memberships only: auto-enrolment would start new attempts of courses they finished.
 */
export function withoutAutoEnrolment(d: Decision<MembershipChange>): Decision<MembershipChange> {
  const { data: _data, ...outcome } = d.outcome;
  if (!d.change) return { ...d, outcome };
  const { d: _d, ...op } = d.change.op as MembershipOp;
  return { ...d, outcome, change: { ...d.change, op } };
}

/** Puts each person back into the groups a remove-from-groups job took them out of (params: `groupIds`, per person). */
@CommandHandler(RestoreGroups)
export class RestoreGroupsHandler extends AddToGroupsHandler implements ICommandHandler<RestoreGroups, Outcome[]> {
  override execute({ work, dryRun }: RestoreGroups): Promise<Outcome[]> {
    return this.addToGroups(work, dryRun, withoutAutoEnrolment);
  }
}
