import { testPerson } from '../test-person';
import { decideListChange, ListChange, listAfter } from './list-field.decision';

const add = (...values: string[]): ListChange => ({ field: 'labels', op: 'add', values });
const remove = (...values: string[]): ListChange => ({ field: 'labels', op: 'remove', values });
const set = (...values: string[]): ListChange => ({ field: 'specialisms', op: 'set', values });

describe('listAfter', () => {
  it('adds what is missing after the existing values, each once', () => {
    expect(listAfter(['b', 'a'], add('c', 'a', 'd', 'c'))).toEqual(['b', 'a', 'c', 'd']);
  });

  it('removes the values given and keeps the order of the rest', () => {
    expect(listAfter(['a', 'b', 'c'], remove('c', 'a', 'x'))).toEqual(['b']);
  });

  it('sets the list, possibly to empty', () => {
    expect(listAfter(['a'], set('x', 'y', 'x'))).toEqual(['x', 'y']);
    expect(listAfter(['a'], set())).toEqual([]);
  });
});

describe('decideListChange', () => {
  it('adds labels and remembers the whole prior list', () => {
    const d = decideListChange('u1', testPerson({ labels: ['a'] }), add('b', 'a'), 'j:0');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['a'] });
    expect(d.change).toEqual({ userId: 'u1', set: { labels: ['a', 'b'] }, op: { k: 'j:0', b: ['a'] } });
    expect(d.preview).toEqual({ before: ['a'], after: ['a', 'b'] });
  });

  it('skips a person who has every label already', () => {
    const d = decideListChange('u1', testPerson({ labels: ['a', 'b'] }), add('b', 'a'), 'j:0');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'skipped', code: 'IDENTITY.UNCHANGED', message: 'already has all of the labels' });
    expect(d.change).toBeUndefined();
  });

  it('removes labels, and skips a person carrying none of them', () => {
    expect(decideListChange('u1', testPerson({ labels: ['a', 'b'] }), remove('a'), 'j:0').change?.set).toEqual({ labels: ['b'] });
    expect(decideListChange('u1', testPerson({ labels: ['b'] }), remove('a'), 'j:0').outcome).toMatchObject({
      status: 'skipped',
      code: 'IDENTITY.UNCHANGED',
      message: 'has none of the labels',
    });
  });

  it('sets specialisms back to an empty list, and skips a list that is already as given', () => {
    const d = decideListChange('u1', testPerson({ specialisms: ['x'] }), set(), 'j:1');
    expect(d.change).toEqual({ userId: 'u1', set: { specialisms: [] }, op: { k: 'j:1', b: ['x'] } });
    expect(decideListChange('u1', testPerson({ specialisms: ['x', 'y'] }), set('x', 'y'), 'j:1').outcome.code).toBe('IDENTITY.UNCHANGED');
    expect(decideListChange('u1', testPerson({ specialisms: ['y', 'x'] }), set('x', 'y'), 'j:1').change?.set).toEqual({ specialisms: ['x', 'y'] }); // the exact prior order
  });

  it('a redelivery returns the stored prior list and writes nothing', () => {
    const d = decideListChange('u1', testPerson({ labels: ['a', 'b'], ops: [{ k: 'j:0', b: ['a'] }] }), add('b'), 'j:0');
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: ['a'] });
    expect(d.change).toBeUndefined();
    expect(d.replayed).toBe(true);
  });

  it('fails a person that does not exist in the tenant', () => {
    expect(decideListChange('u9', undefined, add('a'), 'j:0').outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.NOT_FOUND' });
  });
});
