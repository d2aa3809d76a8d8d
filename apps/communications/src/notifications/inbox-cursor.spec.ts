import { decodeCursor, encodeCursor } from './inbox-cursor';

describe('inbox cursor', () => {
  it('round-trips a position, ids with separators included', () => {
    const position = { deliveredAt: new Date('2025-03-01T10:00:00.123Z'), id: 'acme:job-1:u|7' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuses what it did not make', () => {
    for (const cursor of ['', 'garbage', Buffer.from('x|id').toString('base64url'), Buffer.from('123|').toString('base64url')]) {
      expect(decodeCursor(cursor)).toBeUndefined();
    }
  });
});
