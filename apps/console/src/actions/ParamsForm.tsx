import { ReactNode } from 'react';
import type { Field, FieldValue, FormValues } from './schema-fields';
import { CoursesPicker, CourseSelect, GroupPicker, ManagerSelect } from './pickers';

interface Props {
  formId: string;
  fields: Field[];
  values: FormValues;
  problems: Record<string, string>;
  onChange: (name: string, value: FieldValue) => void;
}

const GROUPED: ReadonlySet<string> = new Set(['groups', 'courses', 'checkboxes', 'rows', 'checkbox']);

/** The fields of an action's parameters, each with its label, hint and (after a try) its problem. */
export function ParamsForm({ formId, fields, values, problems, onChange }: Props) {
  if (fields.length === 0) return <p className="muted">This action has no settings.</p>;
  return (
    <div className="params">
      {fields.map((field) => {
        const id = `${formId}-${field.name}`;
        const problem = problems[field.name];
        const describedBy = [field.hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ');
        const control = controlOf(field, id, values[field.name], (v) => onChange(field.name, v), describedBy, Boolean(problem));
        return (
          <div key={field.name} className={`field field-${field.kind}${problem ? ' has-problem' : ''}`}>
            {!GROUPED.has(field.kind) && (
              <label htmlFor={id}>
                {field.label}
                {field.required && <span className="required"> (required)</span>}
              </label>
            )}
            {control}
            {field.hint && (
              <p className="hint" id={`${id}-hint`}>
                {field.hint}
              </p>
            )}
            {problem && (
              <p className="problem" id={`${id}-problem`}>
                {problem}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

function controlOf(
  field: Field,
  id: string,
  value: FieldValue | undefined,
  set: (v: FieldValue) => void,
  describedBy: string,
  invalid: boolean,
): ReactNode {
  const common = { id, 'aria-describedby': describedBy || undefined, 'aria-invalid': invalid || undefined };
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? (value as string[]) : [];
  const picker = { field, id, describedBy, invalid };
  switch (field.kind) {
    case 'select':
      return (
        <select {...common} value={text} onChange={(e) => set(e.target.value)}>
          <option value="">{field.required ? `Choose…` : '(unchanged)'}</option>
          {field.options?.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'checkbox':
      return (
        <label className="choice">
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => set(e.target.checked)} />
          {field.label}
        </label>
      );
    case 'checkboxes':
      return (
        <fieldset {...common} className="choices">
          <legend>{field.label}</legend>
          {field.options?.map((o) => (
            <label key={o} className="choice">
              <input
                type="checkbox"
                checked={list.includes(o)}
                onChange={(e) => set(e.target.checked ? [...list, o] : list.filter((x) => x !== o))}
              />
              {o}
            </label>
          ))}
        </fieldset>
      );
    case 'date':
      return <input {...common} type="date" value={text} onChange={(e) => set(e.target.value)} />;
    case 'textarea':
      return <textarea {...common} rows={6} value={text} maxLength={field.maxLength} onChange={(e) => set(e.target.value)} />;
    case 'tags':
      return <input {...common} value={text} placeholder="Separate with commas" onChange={(e) => set(e.target.value)} autoComplete="off" />;
    case 'groups':
      return <GroupPicker {...picker} value={list} onChange={set} />;
    case 'courses':
      return <CoursesPicker {...picker} value={list} onChange={set} />;
    case 'course':
      return <CourseSelect {...picker} value={text} onChange={set} />;
    case 'manager':
      return <ManagerSelect {...picker} value={text} onChange={set} />;
    case 'rows':
      return <RowsField field={field} id={id} rows={(value as Record<string, string>[]) ?? [{}]} onChange={set} />;
    default:
      return <input {...common} value={text} maxLength={field.maxLength} onChange={(e) => set(e.target.value)} autoComplete="off" />;
  }
}

/** A list of small objects (share-content's items): one row of inputs each, rows added and removed. */
function RowsField({
  field,
  id,
  rows,
  onChange,
}: {
  field: Field;
  id: string;
  rows: Record<string, string>[];
  onChange: (rows: Record<string, string>[]) => void;
}) {
  const columns = field.columns ?? [];
  const update = (i: number, name: string, value: string) => onChange(rows.map((row, j) => (j === i ? { ...row, [name]: value } : row)));
  return (
    <fieldset id={id} className="rows">
      <legend>{field.label}</legend>
      {rows.map((row, i) => (
        <div key={i} className="row">
          {columns.map((column) => {
            const cellId = `${id}-${i}-${column.name}`;
            return (
              <div key={column.name} className="field">
                <label htmlFor={cellId}>
                  {column.label} {i + 1}
                </label>
                {column.options ? (
                  <select id={cellId} value={row[column.name] ?? ''} onChange={(e) => update(i, column.name, e.target.value)}>
                    <option value="">Choose…</option>
                    {column.options.map((o) => (
                      <option key={o}>{o}</option>
                    ))}
                  </select>
                ) : (
                  <input id={cellId} value={row[column.name] ?? ''} onChange={(e) => update(i, column.name, e.target.value)} autoComplete="off" />
                )}
              </div>
            );
          })}
          {rows.length > 1 && (
            <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Remove {i + 1}
            </button>
          )}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, {}])}>
        Add another
      </button>
    </fieldset>
  );
}
