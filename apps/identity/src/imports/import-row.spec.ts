import { RawRow } from './import-columns';
import { checkRow, RowChecker } from './import-row';

const raw = (over: Partial<RawRow> = {}): RawRow => ({ email: 'Ann@X.nl', name: '', role: '', language: '', ...over });

describe('checkRow', () => {
  it('normalises a valid row: e-mail lowercased, role Learner by default, no language or name when blank', () => {
    expect(checkRow(raw())).toEqual({ ok: true, invitee: { email: 'ann@x.nl', role: 'Learner' } });
  });

  it('takes role and language in any case, in their canonical spelling', () => {
    expect(checkRow(raw({ name: 'Ann', role: 'aDmIn', language: 'NL' }))).toEqual({
      ok: true,
      invitee: { email: 'ann@x.nl', name: 'Ann', role: 'Admin', language: 'nl' },
    });
  });

  it.each([
    [raw({ email: '' }), 'email', 'required'],
    [raw({ email: 'ann at x.nl' }), 'email', 'not an e-mail address'],
    [raw({ role: 'beheerder' }), 'role', '"beheerder" is not a role (one of Owner, Admin, HR, Curator, Manager, Learner, Reporter)'],
    [raw({ language: 'klingon' }), 'language', expect.stringMatching(/^"klingon" is not a language \(one of en, nl, /)],
    [raw({ name: 'x'.repeat(201) }), 'name', 'at most 200 characters'],
  ])('refuses %j naming the column', (row, column, message) => {
    expect(checkRow(row)).toEqual({ ok: false, error: { column, message } });
  });

  it('takes a name of exactly 200 characters', () => {
    expect(checkRow(raw({ name: 'x'.repeat(200) })).ok).toBe(true);
  });
});

describe('RowChecker', () => {
  it('refuses a repeat of an earlier row’s e-mail (any case), naming that row', () => {
    const checker = new RowChecker();
    expect(checker.check(3, raw()).ok).toBe(true);
    expect(checker.check(4, raw({ email: 'bo@x.nl' })).ok).toBe(true);
    expect(checker.check(7, raw({ email: 'ANN@x.nl' }))).toEqual({ ok: false, error: { column: 'email', message: 'also in row 3' } });
  });

  it('counts a row whose e-mail is valid but another cell is not as the first with that e-mail', () => {
    const checker = new RowChecker();
    expect(checker.check(2, raw({ role: 'King' }))).toMatchObject({ ok: false, error: { column: 'role' } });
    expect(checker.check(5, raw())).toEqual({ ok: false, error: { column: 'email', message: 'also in row 2' } });
  });

  it('does not remember an invalid e-mail', () => {
    const checker = new RowChecker();
    expect(checker.check(2, raw({ email: 'nope' })).ok).toBe(false);
    expect(checker.check(3, raw({ email: 'nope' }))).toEqual({ ok: false, error: { column: 'email', message: 'not an e-mail address' } });
  });
});
