import { Invitee } from '@cohort/contracts';
import { personKey } from '../people/person.schema';
import { RawRow } from './import-columns';
import { RowError } from './import-row';
import { StagedInvitee, stagedUserId } from './staged-invitee.schema';

/** A row of a select import before matching: a well-formed e-mail address (lowercased), or why not. */
export type CheckedEmail = { ok: true; email: string } | { ok: false; error: RowError };

/** A row of a select import after matching: the existing person it names, or why it names nobody. */
export type MatchedRow = { ok: true; email: string; userId: string } | { ok: false; error: RowError };

export const NO_PERSON = 'no person with this e-mail';

const email = Invitee.shape.email;

/**
 * Checks the e-mail cell of each row of one select import in order (every other column is ignored):
 * required, an e-mail address, and not a repeat of an earlier row ("also in row 3"), so a file never
 * selects one person twice.
 */
export class EmailRowChecker {
  private readonly firstRow = new Map<string, number>();

  check(row: number, raw: RawRow): CheckedEmail {
    const address = raw.email.toLowerCase();
    if (!address) return invalid('required');
    if (!email.safeParse(address).success) return invalid('not an e-mail address');
    const earlier = this.firstRow.get(address);
    if (earlier !== undefined) return invalid(`also in row ${earlier}`);
    this.firstRow.set(address, row);
    return { ok: true, email: address };
  }
}

/** Pure: a checked row against the tenant's holders of its batch's e-mails (lowercased e-mail → user id). */
export function matchRow(checked: CheckedEmail, holders: ReadonlyMap<string, string>): MatchedRow {
  if (!checked.ok) return checked;
  const userId = holders.get(checked.email);
  return userId === undefined ? invalid(NO_PERSON) : { ok: true, email: checked.email, userId };
}

/**
 * The staged row of a matched e-mail: keyed by import and row like an invitee (one document per row),
 * holding the existing person's user id, which is what the import's selection yields.
 */
export function selectedRow(
  tenantId: string,
  importId: string,
  row: number,
  matched: Extract<MatchedRow, { ok: true }>,
  createdAt: Date,
): StagedInvitee {
  const _id = personKey(tenantId, stagedUserId(importId, row));
  return { _id, tenantId, importId, row, createdAt, purpose: 'select', email: matched.email, userId: matched.userId };
}

function invalid(message: string): { ok: false; error: RowError } {
  return { ok: false, error: { column: 'email', message } };
}
