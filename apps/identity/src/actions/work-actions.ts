import { Type } from '@nestjs/common';
import { ICommandHandler } from '@nestjs/cqrs';
import { WorkChunk } from '@cohort/contracts';
import { AddLabels, AddLabelsHandler } from './add-labels/add-labels.handler';
import { AddSpecialisms, AddSpecialismsHandler } from './add-specialisms/add-specialisms.handler';
import { CancelInvitation, CancelInvitationHandler } from './cancel-invitation/cancel-invitation.handler';
import { ChangeLanguage, ChangeLanguageHandler } from './change-language/change-language.handler';
import { ChangeRole, ChangeRoleHandler } from './change-role/change-role.handler';
import { ArchiveProfile, ArchiveProfileHandler } from './archive-profile/archive-profile.handler';
import { Deactivate, DeactivateHandler } from './deactivate/deactivate.handler';
import { ErasePerson, ErasePersonHandler } from './erase-person/erase-person.handler';
import { ExportCsv, ExportCsvHandler } from './export-csv/export-csv.handler';
import { InviteUsers, InviteUsersHandler } from './invite-users/invite-users.handler';
import { MarkPendingDeletion, MarkPendingDeletionHandler } from './mark-pending-deletion/mark-pending-deletion.handler';
import { Reactivate, ReactivateHandler } from './reactivate/reactivate.handler';
import { ReactivateProfile, ReactivateProfileHandler } from './reactivate-profile/reactivate-profile.handler';
import { UnmarkPendingDeletion, UnmarkPendingDeletionHandler } from './unmark-pending-deletion/unmark-pending-deletion.handler';
import { RemoveLabels, RemoveLabelsHandler } from './remove-labels/remove-labels.handler';
import { ResendInvitation, ResendInvitationHandler } from './resend-invitation/resend-invitation.handler';
import { SendPasswordReset, SendPasswordResetHandler } from './send-password-reset/send-password-reset.handler';
import { SetSpecialisms, SetSpecialismsHandler } from './set-specialisms/set-specialisms.handler';
import { UpdateProperties, UpdatePropertiesHandler } from './update-properties/update-properties.handler';

export interface WorkAction {
  /** the command a work chunk of this action becomes; `dryRun` decides without writing (the decide endpoint) */
  command: new (work: WorkChunk, dryRun?: boolean) => object;
  handler: Type<ICommandHandler>;
}

/** identity's work actions by action id: adding one is its folder plus one line here. */
const WORK_ACTIONS: Readonly<Record<string, WorkAction>> = {
  'change-language': { command: ChangeLanguage, handler: ChangeLanguageHandler },
  'change-role': { command: ChangeRole, handler: ChangeRoleHandler },
  'invite-users': { command: InviteUsers, handler: InviteUsersHandler },
  deactivate: { command: Deactivate, handler: DeactivateHandler },
  reactivate: { command: Reactivate, handler: ReactivateHandler },
  'archive-profile': { command: ArchiveProfile, handler: ArchiveProfileHandler },
  'reactivate-profile': { command: ReactivateProfile, handler: ReactivateProfileHandler },
  /** participant-only steps of delete */
  'mark-pending-deletion': { command: MarkPendingDeletion, handler: MarkPendingDeletionHandler },
  'unmark-pending-deletion': { command: UnmarkPendingDeletion, handler: UnmarkPendingDeletionHandler },
  'erase-person': { command: ErasePerson, handler: ErasePersonHandler },
  'resend-invitation': { command: ResendInvitation, handler: ResendInvitationHandler },
  'cancel-invitation': { command: CancelInvitation, handler: CancelInvitationHandler },
  'send-password-reset': { command: SendPasswordReset, handler: SendPasswordResetHandler },
  'add-labels': { command: AddLabels, handler: AddLabelsHandler },
  'remove-labels': { command: RemoveLabels, handler: RemoveLabelsHandler },
  'add-specialisms': { command: AddSpecialisms, handler: AddSpecialismsHandler },
  /** participant-only: the undo of add-specialisms */
  'set-specialisms': { command: SetSpecialisms, handler: SetSpecialismsHandler },
  'update-properties': { command: UpdateProperties, handler: UpdatePropertiesHandler },
  'export-csv': { command: ExportCsv, handler: ExportCsvHandler },
};

export function workAction(actionId: string): WorkAction | undefined {
  return Object.hasOwn(WORK_ACTIONS, actionId) ? WORK_ACTIONS[actionId] : undefined;
}

export const WORK_ACTION_HANDLERS: Type<ICommandHandler>[] = Object.values(WORK_ACTIONS).map((a) => a.handler);
