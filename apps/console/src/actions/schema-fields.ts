import type { JsonSchema } from '../api/types';

/**
 * The form of an action, generated from the JSON Schema of its parameters (`GET /v1/actions`): each
 * property becomes a field of the kind its schema calls for. Ids of groups, courses and managers get
 * pickers that list them by name.
 */
export type FieldKind =
  'text' | 'textarea' | 'date' | 'select' | 'checkbox' | 'checkboxes' | 'tags' | 'groups' | 'courses' | 'course' | 'manager' | 'rows';

export interface Field {
  name: string;
  kind: FieldKind;
  label: string;
  hint?: string;
  required: boolean;
  options?: string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  /** the columns of a `rows` field (a list of objects) */
  columns?: Field[];
}

const LABELS: Record<string, string> = {
  groupIds: 'Teams or groups',
  courseIds: 'Courses',
  courseId: 'Course',
  managerUserId: 'Manager',
  dueDate: 'Due date',
  profileVisibility: 'Profile visibility',
  resetAccessCode: 'Reset the access code',
  email: 'Also send it by e-mail',
  body: 'Message',
  items: 'Content to share',
  id: 'Id',
};

/** `dueDate` → "Due date" (known names have a label of their own). */
export function labelOf(name: string): string {
  if (LABELS[name]) return LABELS[name];
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Parameters the console does not ask for: invite-users takes its people from an uploaded file. */
const FROM_FILE: Record<string, string[]> = { 'invite-users': ['invitees'] };

export function fieldsOf(actionId: string, schema: JsonSchema): Field[] {
  const required = new Set(schema.required ?? []);
  const skip = new Set(FROM_FILE[actionId] ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !skip.has(name))
    .map(([name, property]) => fieldOf(name, property, required.has(name)));
}

function fieldOf(name: string, p: JsonSchema, required: boolean): Field {
  const base = { name, label: labelOf(name), hint: p.description, required, default: p.default };
  const list = { minItems: p.minItems, maxItems: p.maxItems };
  if (name === 'groupIds') return { ...base, ...list, kind: 'groups' };
  if (name === 'courseIds') return { ...base, ...list, kind: 'courses' };
  if (name === 'courseId') return { ...base, kind: 'course' };
  if (name === 'managerUserId') return { ...base, kind: 'manager' };
  if (p.type === 'boolean') return { ...base, kind: 'checkbox' };
  if (p.type === 'array' && p.items?.type === 'object') {
    return { ...base, ...list, kind: 'rows', columns: fieldsOf('', p.items) };
  }
  if (p.type === 'array' && p.items?.enum) return { ...base, ...list, kind: 'checkboxes', options: p.items.enum };
  if (p.type === 'array') return { ...base, ...list, kind: 'tags', maxLength: p.items?.maxLength };
  if (p.enum) return { ...base, kind: 'select', options: p.enum };
  if (p.format === 'date') return { ...base, kind: 'date' };
  const text = { minLength: p.minLength, maxLength: p.maxLength, pattern: p.pattern };
  return { ...base, ...text, kind: (p.maxLength ?? 0) > 200 ? 'textarea' : 'text' };
}

/** What a form field holds while it is edited. */
export type FieldValue = string | boolean | string[] | Record<string, string>[];
export type FormValues = Record<string, FieldValue | undefined>;

export function initialValues(fields: Field[]): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    if (f.kind === 'checkbox') values[f.name] = f.default === true;
    else if (f.kind === 'rows') values[f.name] = [{}];
    else if (['groups', 'courses', 'checkboxes'].includes(f.kind)) values[f.name] = [];
    else values[f.name] = typeof f.default === 'string' ? f.default : '';
  }
  return values;
}

/** Labels or specialisms typed as "a, b; c" or one per line. */
export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;\n]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** The action's params out of the form: empty optional fields left out, text trimmed, tags split. */
export function paramsOf(fields: Field[], values: FormValues): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const f of fields) {
    const value = paramValue(f, values[f.name]);
    if (value !== undefined) params[f.name] = value;
  }
  return params;
}

function paramValue(f: Field, value: FieldValue | undefined): unknown {
  if (f.kind === 'checkbox') return value === true ? true : f.required || f.default !== undefined ? false : undefined;
  if (f.kind === 'tags') {
    const tags = splitTags(typeof value === 'string' ? value : '');
    return tags.length ? tags : undefined;
  }
  if (f.kind === 'rows') {
    const rows = (Array.isArray(value) ? (value as Record<string, string>[]) : [])
      .map((row) => paramsOf(f.columns ?? [], row))
      .filter((row) => Object.keys(row).length > 0);
    return rows.length ? rows : undefined;
  }
  if (Array.isArray(value)) return value.length ? value : undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? undefined : text;
}

/** Problems the form can tell before asking the server, by field name. */
export function problemsOf(fields: Field[], values: FormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of fields) {
    const value = paramValue(f, values[f.name]);
    const problem = problemOf(f, value);
    if (problem) problems[f.name] = problem;
  }
  return problems;
}

function problemOf(f: Field, value: unknown): string | undefined {
  if (value === undefined) {
    if (!f.required) return undefined;
    return `${['text', 'textarea', 'tags', 'date'].includes(f.kind) ? 'Enter' : 'Choose'} ${article(f.label)}.`;
  }
  if (typeof value === 'string') {
    if (f.maxLength !== undefined && value.length > f.maxLength) return `At most ${f.maxLength} characters.`;
    if (f.minLength !== undefined && value.length < f.minLength) return `At least ${f.minLength} characters.`;
    if (f.pattern && !new RegExp(f.pattern).test(value)) return f.hint ? `Not valid: ${f.hint}.` : 'Not valid.';
  }
  if (Array.isArray(value) && f.maxItems !== undefined && value.length > f.maxItems) return `At most ${f.maxItems}.`;
  if (Array.isArray(value) && f.kind === 'tags' && f.maxLength !== undefined && value.some((t) => String(t).length > f.maxLength!)) {
    return `Each at most ${f.maxLength} characters.`;
  }
  return undefined;
}

function article(label: string): string {
  const lower = label.toLowerCase();
  if (/s$/.test(lower) && !/ss$/.test(lower)) return lower;
  return /^[aeiou]/.test(lower) ? `an ${lower}` : `a ${lower}`;
}
