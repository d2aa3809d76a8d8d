import { UserId } from '@cohort/contracts';
import { IDENTITY, IdentityError } from '../../identity.errors';

/** The opaque directory cursor: base64url of the last `_id` of the page. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** The `_id` a cursor continues after; a cursor of another tenant or not issued here is a 400 on `cursor`. */
export function decodeCursor(cursor: string, tenantId: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${tenantId}:`;
  if (!id.startsWith(prefix) || !UserId.safeParse(id.slice(prefix.length)).success) {
    throw new IdentityError(IDENTITY.INVALID_REQUEST, "cursor: not a cursor of this tenant's directory", 'cursor');
  }
  return id;
}
