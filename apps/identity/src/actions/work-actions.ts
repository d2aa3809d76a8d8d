import { Type } from '@nestjs/common';
import { ICommandHandler } from '@nestjs/cqrs';
import { WorkChunk } from '@cohort/contracts';
import { ChangeLanguage, ChangeLanguageHandler } from './change-language/change-language.handler';
import { ChangeRole, ChangeRoleHandler } from './change-role/change-role.handler';

export interface WorkAction {
  /** the command a work chunk of this action becomes; `dryRun` decides without writing (the decide endpoint) */
  command: new (work: WorkChunk, dryRun?: boolean) => object;
  handler: Type<ICommandHandler>;
}

/** identity's work actions by action id: adding one is its folder plus one line here. */
const WORK_ACTIONS: Readonly<Record<string, WorkAction>> = {
  'change-language': { command: ChangeLanguage, handler: ChangeLanguageHandler },
  'change-role': { command: ChangeRole, handler: ChangeRoleHandler },
};

export function workAction(actionId: string): WorkAction | undefined {
  return Object.hasOwn(WORK_ACTIONS, actionId) ? WORK_ACTIONS[actionId] : undefined;
}

export const WORK_ACTION_HANDLERS: Type<ICommandHandler>[] = Object.values(WORK_ACTIONS).map((a) => a.handler);
