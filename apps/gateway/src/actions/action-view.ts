import { permittedActions } from '@cohort/auth';
import type { CohortClaims } from '@cohort/auth';
import { ACTIONS, CatalogueActionId, destructiveNotice, JsonSchema, paramsJsonSchema, ServiceName } from '@cohort/contracts';

/** One entry of `GET /v1/actions`: what the console needs to list an action and render its form. */
export interface ActionView {
  id: CatalogueActionId;
  service: ServiceName;
  title: string;
  description: string;
  reversible: boolean;
  destructive: boolean;
  /** for a destructive action: whether it can be undone and what an undo does not bring back (as its preview warns) */
  notice?: string;
  /** JSON Schema (draft 2020-12) of the action's parameters */
  paramsSchema: JsonSchema;
}

const views = new Map<CatalogueActionId, ActionView>();

function viewOf(id: CatalogueActionId): ActionView {
  let view = views.get(id);
  if (!view) {
    const { service, title, description, reversible, destructive } = ACTIONS[id];
    const notice = destructive ? { notice: destructiveNotice(ACTIONS[id]) } : {};
    view = { id, service, title, description, reversible, destructive, ...notice, paramsSchema: paramsJsonSchema(id) };
    views.set(id, view);
  }
  return view;
}

/** The catalogue actions the token's role and named permissions allow, in catalogue order. */
export function actionsFor(caller: Pick<CohortClaims, 'role' | 'perms'>): ActionView[] {
  return permittedActions({ role: caller.role, permissions: caller.perms }).map(viewOf);
}
