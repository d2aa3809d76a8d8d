import { ACTION_IDS, actionById, CatalogueActionId, PERMISSION_KEYS, PermissionKey, Role } from '@cohort/contracts';

/**
 * The role table of DESIGN.md §1 (seed 001), as data:
 * - Owner: every action.
 * - Admin: every action except `delete`, which needs the named `delete` permission.
 * - HR: specialisms, labels, tasks, share content, notifications.
 * - Curator: share content, only with the named `share-content` (sharing) permission.
 * - Anyone holding a named permission of GRANTABLE_TO_ANYONE gets that permission's actions.
 * - Manager, Learner, Reporter: nothing else.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly PermissionKey[]>> = {
  Owner: PERMISSION_KEYS,
  Admin: PERMISSION_KEYS.filter((k) => k !== 'delete'),
  HR: ['specialisms', 'labels', 'tasks', 'share-content', 'notifications'],
  Curator: [],
  Manager: [],
  Learner: [],
  Reporter: [],
};

/** Named permissions that grant their actions whatever the holder's role. */
export const GRANTABLE_TO_ANYONE: readonly PermissionKey[] = ['invitations', 'team-management', 'labels', 'tasks', 'certificates'];

/** Named permissions that only count for one role (seed 001: "Admin with delete permission", "Curator with sharing permission"). */
export const GRANTABLE_TO_ROLE: Readonly<Partial<Record<PermissionKey, Role>>> = {
  delete: 'Admin',
  'share-content': 'Curator',
};

export interface Principal {
  role: Role;
  /** named permissions the person holds beside their role */
  permissions?: readonly string[];
}

/** The permission keys a person effectively has. */
export function effectivePermissions({ role, permissions = [] }: Principal): Set<PermissionKey> {
  const keys = new Set<PermissionKey>(ROLE_PERMISSIONS[role] ?? []);
  for (const p of permissions) {
    const key = p as PermissionKey;
    if (GRANTABLE_TO_ANYONE.includes(key) || GRANTABLE_TO_ROLE[key] === role) keys.add(key);
  }
  return keys;
}

/** Whether the person may run the action; an unknown action is never allowed. */
export function mayRun(principal: Principal, actionId: string): boolean {
  const action = actionById(actionId);
  return action !== undefined && effectivePermissions(principal).has(action.permission);
}

/** Every catalogue action the person may run, in catalogue order. */
export function permittedActions(principal: Principal): CatalogueActionId[] {
  const keys = effectivePermissions(principal);
  return ACTION_IDS.filter((id) => keys.has(actionById(id)!.permission));
}
