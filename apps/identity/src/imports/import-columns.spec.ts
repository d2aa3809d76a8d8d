import { headerKey, mapColumns, rowFields } from './import-columns';

describe('mapColumns', () => {
  it('maps English and Dutch headers, in any case and spelling', () => {
    expect(mapColumns(['E-mail', 'Name', 'ROLE', 'Language'])).toEqual({ email: 0, name: 1, role: 2, language: 3 });
    expect(mapColumns(['Naam', 'E-mailadres', 'Rol', 'Taal'])).toEqual({ name: 0, email: 1, role: 2, language: 3 });
    expect(mapColumns(['Voornaam', 'Tussenvoegsel', 'Achternaam', 'e-mail adres'])).toEqual({ firstName: 0, infix: 1, lastName: 2, email: 3 });
    expect(mapColumns(['Email address', 'First Name', 'Last name', 'Department'])).toEqual({ email: 0, firstName: 1, lastName: 2 });
  });

  it('takes the first of two columns naming the same field', () => {
    expect(mapColumns(['email', 'e-mail'])).toEqual({ email: 0 });
  });

  it('refuses a header without an e-mail column, naming the column and what it found', () => {
    expect(() => mapColumns(['Naam', 'Rol'])).toThrow(
      expect.objectContaining({
        code: 'IDENTITY.IMPORT_UNREADABLE',
        field: 'email',
        message: 'the header row has no email column (email, e-mail or e-mailadres); found: Naam, Rol',
      }),
    );
  });

  it('normalises headers: no case, accents, spaces or punctuation', () => {
    expect(headerKey(' E-Mail_Adrés ')).toBe('emailadres');
  });
});

describe('rowFields', () => {
  it('reads the mapped cells, trimmed, and blanks for missing ones', () => {
    expect(rowFields([' a@x.nl ', 'Ann'], { email: 0, name: 1, role: 2 })).toEqual({ email: 'a@x.nl', name: 'Ann', role: '', language: '' });
  });

  it('makes the name of first name, infix and last name when there is no name column', () => {
    const columns = mapColumns(['voornaam', 'tussenvoegsel', 'achternaam', 'email']);
    expect(rowFields(['Jan', 'van', 'Dijk', 'j@x.nl'], columns).name).toBe('Jan van Dijk');
    expect(rowFields(['Jan', '', 'Dijk', 'j@x.nl'], columns).name).toBe('Jan Dijk');
    expect(rowFields(['', '', '', 'j@x.nl'], columns).name).toBe('');
  });
});
