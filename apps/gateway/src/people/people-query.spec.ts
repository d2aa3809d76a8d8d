import { ApiError } from '../gateway.errors';
import { directoryQueryOf } from './people-query';

function fieldOf(query: Record<string, unknown>): unknown {
  try {
    directoryQueryOf(query);
  } catch (err) {
    return err instanceof ApiError ? [err.getStatus(), err.code, err.details.field] : err;
  }
  return 'no error';
}

describe('directoryQueryOf', () => {
  it('reads comma-separated and repeated list parameters alike', () => {
    expect(directoryQueryOf({ roles: 'Admin,HR', labels: ['a', 'b,c'], countries: ' NL , DE ' })).toEqual({
      filter: { roles: ['Admin', 'HR'], labels: ['a', 'b', 'c'], countries: ['NL', 'DE'] },
      limit: 50,
    });
  });

  it('reads dates, free text, cursor and limit', () => {
    expect(directoryQueryOf({ hiredAfter: '2024-01-31', q: 'ann', cursor: 'abc', limit: '20' })).toEqual({
      filter: { hiredAfter: '2024-01-31', q: 'ann' },
      cursor: 'abc',
      limit: 20,
    });
  });

  it('is everyone, 50 a page, without parameters', () => {
    expect(directoryQueryOf({})).toEqual({ filter: {}, limit: 50 });
  });

  it.each([
    [{ roles: 'Admin,Wizard' }, 'roles'],
    [{ roles: '' }, 'roles'],
    [{ statuses: 'sleeping' }, 'statuses'],
    [{ hiredAfter: '31-01-2024' }, 'hiredAfter'],
    [{ limit: 'many' }, 'limit'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '1000' }, 'limit'],
    [{ q: ['a', 'b'] }, 'q'],
    [{ colour: 'blue' }, 'colour'],
  ])('answers 400 naming the parameter for %j', (query, field) => {
    expect(fieldOf(query)).toEqual([400, 'REQUEST.INVALID', field]);
  });
});
