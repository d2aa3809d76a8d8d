import { actionById, ActionParams } from './actions/catalogue';
import { ActionDefinition } from './actions/define-action';
import { importPurposeOf } from './internal/identity-api';
import { issueField } from './issue-field';
import { BatchCommand, CommandId } from './messages/command';
import { Reason } from './messages/event';
import { TenantId } from './messages/work';

export const COMMAND_ERRORS = {
  invalid: 'COMMAND.INVALID',
  unknownAction: 'COMMAND.UNKNOWN_ACTION',
  invalidParams: 'COMMAND.INVALID_PARAMS',
  invalidSelection: 'COMMAND.INVALID_SELECTION',
} as const;

export type CommandValidation =
  | { ok: true; command: BatchCommand; action: ActionDefinition }
  /** commandId and tenantId as far as they could be read, for the `rejected` event */
  | { ok: false; reason: Reason; commandId?: string; tenantId?: string };

/**
 * Everything intake checks before a command becomes a job, the same for HTTP and Kafka:
 * the command's shape, a known action, the action's params (defaults applied in the result)
 * and, for invite-users, that the selection lists exactly the invitees' ids.
 * Permissions are not checked here: they need the actor's role (the auth lib).
 */
export function validateCommand(input: unknown): CommandValidation {
  const parsed = BatchCommand.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject(input, COMMAND_ERRORS.invalid, issue.message, issueField(issue));
  }
  const command = parsed.data;
  const action = actionById(command.action);
  if (!action) return reject(command, COMMAND_ERRORS.unknownAction, `unknown action "${command.action}"`, 'action');
  const params = action.params.safeParse(command.params);
  if (!params.success) {
    const issue = params.error.issues[0];
    return reject(command, COMMAND_ERRORS.invalidParams, issue.message, issueField(issue, ['params']));
  }
  const valid = { ...command, params: params.data };
  const selectionError = inviteSelectionError(valid, action.id);
  if (selectionError) return reject(command, COMMAND_ERRORS.invalidSelection, selectionError.message, selectionError.field);
  return { ok: true, command: valid, action };
}

/**
 * invite-users takes an uploaded file of people to invite (selection.importId of an `invite` import) or
 * inline invitees listed in selection.userIds; every other action may select an uploaded file of existing
 * people's e-mails (a `select` import). The import id says which it is (importPurposeOf).
 */
function inviteSelectionError(command: BatchCommand, actionId: string): { message: string; field: string } | undefined {
  const { importId } = command.selection;
  const wanted = actionId === 'invite-users' ? 'invite' : 'select';
  if (importId !== undefined && importPurposeOf(importId) !== wanted) {
    const message =
      wanted === 'invite'
        ? 'selection.importId: invite-users needs a file of people to invite (POST /v1/imports?purpose=invite)'
        : `selection.importId: ${actionId} needs a file of existing people's e-mails (POST /v1/imports?purpose=select)`;
    return { message, field: 'selection.importId' };
  }
  if (actionId !== 'invite-users') return undefined;
  const inline = (command.params as ActionParams<'invite-users'>).invitees;
  if (importId !== undefined) {
    return inline
      ? { message: 'invite-users: give the invitees in params or an uploaded file in selection.importId, not both', field: 'params.invitees' }
      : undefined;
  }
  if (!inline) return { message: 'invite-users: give params.invitees or selection.importId', field: 'params.invitees' };
  return inviteesListedError(
    command,
    inline.map((i) => i.userId),
  );
}

function inviteesListedError(command: BatchCommand, invitees: string[]): { message: string; field: string } | undefined {
  const selected = new Set(command.selection.userIds ?? []);
  const same = selected.size === invitees.length && new Set(invitees).size === invitees.length && invitees.every((id) => selected.has(id));
  return same
    ? undefined
    : { message: 'invite-users: selection.userIds must list exactly the userId of each invitee, once', field: 'selection.userIds' };
}

/** Echoes commandId and tenantId only when they are well-formed: consumers route rejections by them. */
function reject(input: unknown, code: string, message: string, field: string): CommandValidation {
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const commandId = CommandId.safeParse(raw.commandId);
  const tenantId = TenantId.safeParse(raw.tenantId);
  return {
    ok: false,
    reason: field ? { code, message, field } : { code, message },
    ...(commandId.success && { commandId: commandId.data }),
    ...(tenantId.success && { tenantId: tenantId.data }),
  };
}
