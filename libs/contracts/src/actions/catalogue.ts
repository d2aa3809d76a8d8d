import { z } from 'zod';
import { issueField } from '../issue-field';
import { communicationsActions } from './communications.actions';
import { ActionDefinition } from './define-action';
import { exportActions } from './export.actions';
import { identityActions } from './identity.actions';
import { learningActions } from './learning.actions';
import { membershipActions } from './membership.actions';

const ALL = [...identityActions, ...membershipActions, ...learningActions, ...communicationsActions, ...exportActions] as const;

type AnyCatalogueAction = (typeof ALL)[number];
/** An action id of the catalogue (DESIGN.md §1). Work chunks may also carry participant step ids. */
export type CatalogueActionId = AnyCatalogueAction['id'];
export type CatalogueAction<A extends CatalogueActionId = CatalogueActionId> = Extract<AnyCatalogueAction, { id: A }>;
/** The parsed parameters of an action, defaults applied. */
export type ActionParams<A extends CatalogueActionId> = z.output<CatalogueAction<A>['params']>;

/** Every action by id, in catalogue order. */
export const ACTIONS = Object.freeze(Object.fromEntries(ALL.map((a) => [a.id, a]))) as {
  readonly [A in CatalogueActionId]: CatalogueAction<A>;
};

export const ACTION_IDS: readonly CatalogueActionId[] = Object.freeze(ALL.map((a) => a.id));

export function isCatalogueActionId(id: string): id is CatalogueActionId {
  return Object.prototype.hasOwnProperty.call(ACTIONS, id);
}

/** The catalogue entry of an id, or undefined for an unknown id. */
export function actionById(id: string): ActionDefinition | undefined {
  return isCatalogueActionId(id) ? ACTIONS[id] : undefined;
}

export type ParamsValidation<P = Record<string, unknown>> = { ok: true; params: P } | { ok: false; field: string; message: string };

/**
 * Checks `params` against the action's schema. On failure `field` names the first wrong
 * field as a dotted path from the command (`params.role`, `params.labels.3`, `params` for a
 * rule over several fields, `action` for an unknown action id).
 */
export function validateParams<A extends CatalogueActionId>(actionId: A, params: unknown): ParamsValidation<ActionParams<A>>;
export function validateParams(actionId: string, params: unknown): ParamsValidation;
export function validateParams(actionId: string, params: unknown): ParamsValidation {
  const action = actionById(actionId);
  if (!action) return { ok: false, field: 'action', message: `unknown action "${actionId}"` };
  const parsed = action.params.safeParse(params);
  if (parsed.success) return { ok: true, params: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: issueField(issue, ['params']), message: issue.message };
}

/**
 * The params a catalogue action's own step reads: an undo's steps all get the inverse job's params, and those
 * of add-to-groups' undo also name the job undone (`undoOf`) for learning's step; the membership step that
 * shares them (remove-from-groups) reads the rest.
 */
export function ownParams(params: Record<string, unknown>): Record<string, unknown> {
  const { undoOf: _undoOf, ...own } = params;
  return own;
}
