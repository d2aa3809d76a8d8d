import { Invitee, Language, LANGUAGES, Role, ROLES } from '@cohort/contracts';
import { RawRow } from './import-columns';

/** The columns a row error can name (the names the file's headers map to). */
export type ImportColumn = 'email' | 'name' | 'role' | 'language';

/** Why a row cannot become an invitation: the column at fault and a plain message. */
export interface RowError {
  column: ImportColumn;
  message: string;
}

/** A valid row, normalised: e-mail lowercased, role and language in their canonical spelling. */
export interface RowInvitee {
  email: string;
  name?: string;
  role: Role;
  language?: Language;
}

export type CheckedRow = { ok: true; invitee: RowInvitee } | { ok: false; error: RowError };

const MAX_NAME = 200;
const ROLE_BY_KEY = new Map<string, Role>(ROLES.map((r) => [r.toLowerCase(), r]));
const LANGUAGE_BY_KEY = new Map<string, Language>(LANGUAGES.map((l) => [l, l]));
const email = Invitee.shape.email;

/**
 * Pure: one row of a people file checked on its own, with the contract's rules for an invitee
 * (e-mail required and valid; role one of ROLES, any case, default Learner; language one of
 * LANGUAGES, any case, absent if empty; name at most 200 characters).
 */
export function checkRow(raw: RawRow): CheckedRow {
  const address = raw.email.toLowerCase();
  if (!address) return invalid('email', 'required');
  if (!email.safeParse(address).success) return invalid('email', 'not an e-mail address');
  const role = raw.role ? ROLE_BY_KEY.get(raw.role.toLowerCase()) : 'Learner';
  if (!role) return invalid('role', `"${clip(raw.role)}" is not a role (one of ${ROLES.join(', ')})`);
  const language = raw.language ? LANGUAGE_BY_KEY.get(raw.language.toLowerCase()) : undefined;
  if (raw.language && !language) return invalid('language', `"${clip(raw.language)}" is not a language (one of ${LANGUAGES.join(', ')})`);
  if (raw.name.length > MAX_NAME) return invalid('name', `at most ${MAX_NAME} characters`);
  return { ok: true, invitee: { email: address, role, ...(raw.name && { name: raw.name }), ...(language && { language }) } };
}

/**
 * Checks the rows of one file in order: each on its own (checkRow), and a repeat of an e-mail of an
 * earlier row is invalid too ("email: also in row 3"), so one file never invites an address twice.
 */
export class RowChecker {
  private readonly firstRow = new Map<string, number>();

  check(row: number, raw: RawRow): CheckedRow {
    const checked = checkRow(raw);
    const address = raw.email.toLowerCase();
    if (!checked.ok && checked.error.column === 'email') return checked;
    const earlier = this.firstRow.get(address);
    if (earlier !== undefined) return invalid('email', `also in row ${earlier}`);
    this.firstRow.set(address, row);
    return checked;
  }
}

function invalid(column: ImportColumn, message: string): CheckedRow {
  return { ok: false, error: { column, message } };
}

/** A cell quoted in a message, cut short. */
function clip(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
