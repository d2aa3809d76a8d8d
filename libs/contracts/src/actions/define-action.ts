import { z } from 'zod';
import { ServiceName } from '../topics';

/**
 * The permission each action needs. The auth lib maps roles and named permissions to these
 * keys per seed 001's table (Owner: all; Admin: all but `delete`; HR: specialisms, labels,
 * tasks, share-content, notifications; named permissions grant their own key). Keys not
 * named in that table (`people-admin`, `enrolments`, `export`) are Owner/Admin only.
 */
export const PERMISSION_KEYS = [
  'invitations',
  'people-admin',
  'delete',
  'labels',
  'specialisms',
  'team-management',
  'enrolments',
  'tasks',
  'certificates',
  'share-content',
  'notifications',
  'export',
] as const;
export type PermissionKey = (typeof PERMISSION_KEYS)[number];

/** An object schema of action parameters: strict, so unknown keys are rejected. */
export type ParamsSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

export interface ActionDefinition<Id extends string = string, P extends ParamsSchema = ParamsSchema> {
  /** kebab-case, used in HTTP and Kafka alike */
  readonly id: Id;
  /** the service that owns the action: its first saga step runs there */
  readonly service: ServiceName;
  readonly title: string;
  readonly description: string;
  readonly params: P;
  /** a finished job can be undone by restoring each person's prior value */
  readonly reversible: boolean;
  /** loses data or access: needs a typed approval count over the approval threshold */
  readonly destructive: boolean;
  readonly permission: PermissionKey;
  /** the job produces one file (`GET /v1/batch-jobs/:id/artifact`), served by the owning service */
  readonly artifact?: { readonly mediaType: string; readonly extension: string };
  /** what an undo of a reversible action does not bring back (what its later steps removed) */
  readonly undoLeaves?: string;
}

/**
 * The one sentence a destructive action carries, wherever it is shown (the preview's DESTRUCTIVE warning and
 * the console's run page): whether it can be undone, and what an undo does not bring back.
 */
export function destructiveNotice(action: Pick<ActionDefinition, 'title' | 'reversible' | 'undoLeaves'>): string {
  if (!action.reversible) return `${action.title} cannot be undone: check the selection.`;
  const except = action.undoLeaves ? `, except ${action.undoLeaves}` : '';
  return `${action.title} can be undone afterwards${except}: check the selection.`;
}

/** Declares one catalogue entry; keeps the literal id and the params type. */
export function defineAction<const Id extends string, P extends ParamsSchema>(action: ActionDefinition<Id, P>): ActionDefinition<Id, P> {
  return Object.freeze(action);
}

/** Parameters of an action that takes none. */
export const NoParams = z.strictObject({});
