import {
  isSelected,
  pickedElsewhere,
  withoutPickedElsewhere,
  NOTHING,
  offersSelectAll,
  pageSelection,
  sameFilter,
  selectAllMatching,
  selectedCount,
  toApiSelection,
  toggle,
  togglePage,
} from './selection';

const page1 = ['a', 'b', 'c'];
const page2 = ['d', 'e', 'f'];

describe('people selection', () => {
  it('ticks rows one by one and sends their ids', () => {
    const s = toggle(toggle(NOTHING, 'a'), 'c');
    expect(selectedCount(s)).toBe(2);
    expect(pageSelection(s, page1)).toBe('some');
    expect(toApiSelection(toggle(s, 'a'))).toEqual({ userIds: ['c'] });
  });

  it('the header checkbox selects the page, then offers everyone matching the filter', () => {
    const s = togglePage(NOTHING, page1);
    expect(pageSelection(s, page1)).toBe('all');
    expect(offersSelectAll(s, page1, 7)).toBe(true);
    expect(offersSelectAll(s, page1, 3)).toBe(false); // one page is everyone
    expect(offersSelectAll(toggle(s, 'b'), page1, 7)).toBe(false);
    expect(selectedCount(togglePage(s, page1))).toBe(0); // a full page unticks
    expect(pageSelection(togglePage(toggle(NOTHING, 'a'), page1), page1)).toBe('all'); // a partial page fills
  });

  it('selects everyone matching a filter across pages, sent as the filter minus unticked rows', () => {
    const filter = { roles: ['Learner'] };
    let s = selectAllMatching(filter, 60);
    expect(selectedCount(s)).toBe(60);
    expect(isSelected(s, 'anyone')).toBe(true);
    expect(pageSelection(s, page2)).toBe('all');
    expect(offersSelectAll(s, page2, 60)).toBe(false);
    expect(toApiSelection(s)).toEqual({ filter });
    s = toggle(s, 'e');
    expect(selectedCount(s)).toBe(59);
    expect(toApiSelection(s)).toEqual({ filter, excludeIds: ['e'] });
    s = togglePage(s, page2);
    expect(pageSelection(s, page2)).toBe('all'); // some were unticked: the page fills again
    expect(selectedCount(togglePage(s, page2))).toBe(57);
  });

  it('compares filters whatever the order of fields and values', () => {
    expect(sameFilter({ roles: ['HR', 'Admin'], q: 'x' }, { q: 'x', roles: ['Admin', 'HR'], labels: [] })).toBe(true);
    expect(sameFilter({ roles: ['HR'] }, { roles: ['Admin'] })).toBe(false);
  });
});

describe('rows ticked under another filter', () => {
  it('stay selected when the filter changes, are counted apart, and can be cleared on their own', () => {
    const learners = { roles: ['Learner'] };
    const admins = { roles: ['Admin'] };
    let s = toggle(toggle(NOTHING, 'ana', learners), 'bob', learners);
    s = toggle(s, 'cy', admins);
    expect(pickedElsewhere(s, learners)).toEqual(['cy']);
    expect(pickedElsewhere(s, admins).sort()).toEqual(['ana', 'bob']);
    expect(pickedElsewhere(s, { roles: ['Learner'], q: undefined } as never)).toEqual(['cy']); // the same filter, however written
    const cleared = withoutPickedElsewhere(s, admins);
    expect(selectedCount(cleared)).toBe(1);
    expect(isSelected(cleared, 'cy')).toBe(true);
    expect(pickedElsewhere(cleared, admins)).toEqual([]);
    // a page ticked and unticked keeps the record in step
    const page = togglePage(NOTHING, ['a', 'b'], learners);
    expect(pickedElsewhere(page, admins).sort()).toEqual(['a', 'b']);
    expect(pickedElsewhere(togglePage(page, ['a', 'b'], learners), admins)).toEqual([]);
  });
});
