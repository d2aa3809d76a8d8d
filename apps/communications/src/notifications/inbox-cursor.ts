/** Where a page of an inbox (newest first) ends: the last notification's delivery time and id. */
export interface InboxPosition {
  deliveredAt: Date;
  id: string;
}

/** The opaque `nextCursor` of a page ending at `position`. */
export function encodeCursor(position: InboxPosition): string {
  return Buffer.from(`${position.deliveredAt.getTime()}|${position.id}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined when it is not one this service made. */
export function decodeCursor(cursor: string): InboxPosition | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const ms = Number(text.slice(0, bar));
  const id = text.slice(bar + 1);
  if (bar < 1 || !Number.isSafeInteger(ms) || ms < 0 || id.length === 0) return undefined;
  return { deliveredAt: new Date(ms), id };
}
