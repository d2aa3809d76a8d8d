import { z } from 'zod';
import { IsoDateTime } from '../fields';
import { TenantId, UserId } from './work';

/**
 * An invited person accepted their invitation and can now sign in: whatever waited for them to join
 * (communications' notifications) is theirs now. Published after the person's document was written.
 */
export const PersonActivated = z.object({
  type: z.literal('person-activated'),
  tenantId: TenantId,
  userId: UserId,
  at: IsoDateTime.describe('When the person was activated'),
});
export type PersonActivated = z.infer<typeof PersonActivated>;

/**
 * `cohort.identity.events.v1` (key: tenant id): what happened to people in identity that other services
 * act on. Objects are open (unknown fields ignored) so events can grow compatibly; a new kind of event
 * is a new member of this union.
 */
export const IdentityEvent = z.discriminatedUnion('type', [PersonActivated]).describe('A person event of identity: person-activated');
export type IdentityEvent = z.infer<typeof IdentityEvent>;
