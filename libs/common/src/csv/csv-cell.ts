/** Characters that make a spreadsheet read a cell as a formula (or smuggle one in after a tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell made safe to open in a spreadsheet (CSV/formula injection): a value starting with `=`, `+`,
 * `-`, `@`, tab or carriage return gets a leading `'`, which spreadsheets show as text.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Any value as the text of one cell: nothing for absent, JSON for objects, then neutralised. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return neutraliseCell(text);
}
