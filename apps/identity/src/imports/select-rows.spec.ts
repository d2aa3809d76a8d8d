import { RawRow } from './import-columns';
import { EmailRowChecker, matchRow, NO_PERSON, selectedRow } from './select-rows';

const raw = (email: string): RawRow => ({ email, name: 'ignored', role: 'Wizard', language: 'klingon' });

describe('EmailRowChecker', () => {
  it('takes a well-formed e-mail (lowercased) and ignores every other column', () => {
    expect(new EmailRowChecker().check(2, raw('Ann@X.nl'))).toEqual({ ok: true, email: 'ann@x.nl' });
  });

  it('names the email column for a missing, malformed or repeated address', () => {
    const checker = new EmailRowChecker();
    expect(checker.check(2, raw(''))).toEqual({ ok: false, error: { column: 'email', message: 'required' } });
    expect(checker.check(3, raw('not-an-email'))).toEqual({ ok: false, error: { column: 'email', message: 'not an e-mail address' } });
    expect(checker.check(4, raw('ann@x.nl')).ok).toBe(true);
    expect(checker.check(5, raw('ANN@x.nl'))).toEqual({ ok: false, error: { column: 'email', message: 'also in row 4' } });
  });
});

describe('matchRow', () => {
  const holders = new Map([['ann@x.nl', 'u-ann']]);

  it("gives a matched row the person's user id, an unknown e-mail a row error", () => {
    expect(matchRow({ ok: true, email: 'ann@x.nl' }, holders)).toEqual({ ok: true, email: 'ann@x.nl', userId: 'u-ann' });
    expect(matchRow({ ok: true, email: 'bo@x.nl' }, holders)).toEqual({ ok: false, error: { column: 'email', message: NO_PERSON } });
  });

  it('keeps the error of a row that was already invalid', () => {
    const invalid = { ok: false as const, error: { column: 'email' as const, message: 'required' } };
    expect(matchRow(invalid, holders)).toBe(invalid);
  });
});

describe('selectedRow', () => {
  it('is keyed by import and row and holds the matched person', () => {
    const createdAt = new Date('2025-01-01T00:00:00Z');
    expect(selectedRow('t', 'sel-abc', 7, { ok: true, email: 'ann@x.nl', userId: 'u-ann' }, createdAt)).toEqual({
      _id: 't:imp-sel-abc-7',
      tenantId: 't',
      importId: 'sel-abc',
      row: 7,
      createdAt,
      purpose: 'select',
      email: 'ann@x.nl',
      userId: 'u-ann',
    });
  });
});
