import { decodeCursor, encodeCursor } from './directory-cursor';

describe('directory cursor', () => {
  it('round-trips the last _id of a page', () => {
    expect(decodeCursor(encodeCursor('t1:u-0001'), 't1')).toBe('t1:u-0001');
  });

  it.each([encodeCursor('t2:u-0001'), 'garbage!', encodeCursor('t1:')])('refuses %s as a cursor of tenant t1', (cursor) => {
    expect(() => decodeCursor(cursor, 't1')).toThrow(expect.objectContaining({ code: 'IDENTITY.INVALID_REQUEST', field: 'cursor' }));
  });
});
