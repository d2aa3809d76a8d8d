import { IDENTITY, IdentityError } from '../identity.errors';

/** What a column of an uploaded people file can hold. */
export type ImportField = 'email' | 'name' | 'firstName' | 'infix' | 'lastName' | 'role' | 'language';

/**
 * Header names per field, English and Dutch, as `headerKey` normalises them (lower case, no accents,
 * no spaces or punctuation: "E-mailadres" → "emailadres", "First name" → "firstname").
 */
const ALIASES: Readonly<Record<ImportField, readonly string[]>> = {
  email: ['email', 'emailaddress', 'emailadres', 'mail', 'mailadres'],
  name: ['name', 'naam', 'fullname', 'volledigenaam', 'displayname', 'weergavenaam'],
  firstName: ['firstname', 'givenname', 'voornaam'],
  infix: ['tussenvoegsel', 'tussenvoegsels'],
  lastName: ['lastname', 'surname', 'familyname', 'achternaam'],
  role: ['role', 'rol'],
  language: ['language', 'taal', 'lang'],
};

const FIELD_BY_KEY = new Map(Object.entries(ALIASES).flatMap(([field, keys]) => keys.map((key) => [key, field as ImportField] as const)));

/** Which cell (0-based) holds each field; the first column naming a field wins. */
export type ColumnMap = Partial<Record<ImportField, number>>;

/** A data row as read: trimmed text per field, '' when the file has no such column or cell. */
export interface RawRow {
  email: string;
  name: string;
  role: string;
  language: string;
}

export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Maps the header row's columns to fields; a file without an e-mail column cannot be imported (400 naming it). */
export function mapColumns(header: readonly string[]): ColumnMap {
  const columns: ColumnMap = {};
  header.forEach((cell, index) => {
    const field = FIELD_BY_KEY.get(headerKey(cell));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  if (columns.email === undefined) {
    const found = header.filter((h) => h.trim()).join(', ') || 'nothing';
    throw new IdentityError(
      IDENTITY.IMPORT_UNREADABLE,
      `the header row has no email column (email, e-mail or e-mailadres); found: ${found}`,
      'email',
    );
  }
  return columns;
}

/** A data row's fields; without a name column, first name, infix and last name make the name ("Jan van Dijk"). */
export function rowFields(cells: readonly string[], columns: ColumnMap): RawRow {
  const cell = (field: ImportField) => (columns[field] === undefined ? '' : (cells[columns[field]] ?? '').trim());
  const parts = columns.name === undefined ? [cell('firstName'), cell('infix'), cell('lastName')].filter(Boolean) : [cell('name')];
  return { email: cell('email'), name: parts.join(' '), role: cell('role'), language: cell('language') };
}
