import { EntryNames, safeFileName } from './certificate-entry-names';

describe('certificate ZIP entry names', () => {
  const cert = (personName: string, title = 'Safety', verificationCode = 'ABCD-EFGH-JKMN') => ({ personName, title, verificationCode });

  it('is "<name> - <title> - <code>.pdf", keeping letters of any alphabet', () => {
    expect(new EntryNames().next(cert('Łukasz Ørsted-Müller'))).toBe('Łukasz Ørsted-Müller - Safety - ABCD-EFGH-JKMN.pdf');
  });

  it('replaces what file systems refuse: separators, reserved characters, control characters, edge dots', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0000k\nl')).toBe('a_b_c_d_e_f_g_h_i_j_k l');
    expect(safeFileName('  ..hidden.. ')).toBe('hidden');
    expect(safeFileName('...')).toBe('certificate');
    expect(safeFileName('x'.repeat(500)).length).toBe(120);
    expect(new EntryNames().next(cert('../../etc/passwd', 'R&D: Q1/Q2'))).toBe('_.._etc_passwd - R&D_ Q1_Q2 - ABCD-EFGH-JKMN.pdf');
  });

  it('makes names unique within one ZIP, also ignoring case', () => {
    const names = new EntryNames();
    expect([names.next(cert('Ana')), names.next(cert('Ana')), names.next(cert('ANA')), names.next(cert('Bob'))]).toEqual([
      'Ana - Safety - ABCD-EFGH-JKMN.pdf',
      'Ana - Safety - ABCD-EFGH-JKMN (2).pdf',
      'ANA - Safety - ABCD-EFGH-JKMN (3).pdf',
      'Bob - Safety - ABCD-EFGH-JKMN.pdf',
    ]);
  });

  it('keeps a long title from pushing the name or the code out', () => {
    const name = new EntryNames().next(cert('Ana', 'T'.repeat(200)));
    expect(name.startsWith('Ana - TTT')).toBe(true);
    expect(name.endsWith(' - ABCD-EFGH-JKMN.pdf')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(130);
  });
});
