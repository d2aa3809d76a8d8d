import { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { ErrorNotice, Loading } from '../ui/feedback';
import type { Field } from './schema-fields';

export interface PickerProps<T> {
  field: Field;
  id: string;
  value: T;
  onChange: (value: T) => void;
  describedBy: string;
  invalid: boolean;
}

/** A group of checkboxes under the field's label. */
function Choices({ field, id, describedBy, invalid, children }: Omit<PickerProps<unknown>, 'value' | 'onChange'> & { children: ReactNode }) {
  return (
    <fieldset id={id} className="choices" aria-describedby={describedBy || undefined} aria-invalid={invalid || undefined}>
      <legend>
        {field.label}
        {field.required && <span className="required"> (required)</span>}
      </legend>
      {children}
    </fieldset>
  );
}

function toggled(list: string[], id: string, on: boolean): string[] {
  return on ? [...list, id] : list.filter((x) => x !== id);
}

/** Teams and groups by name, each saying which courses it auto-enrols its new members in. */
export function GroupPicker({ field, id, value, onChange, describedBy, invalid }: PickerProps<string[]>) {
  const groups = useQuery({ queryKey: ['groups'], queryFn: api.groups, staleTime: 60_000 });
  return (
    <Choices field={field} id={id} describedBy={describedBy} invalid={invalid}>
      {groups.isPending && <Loading what="teams and groups" />}
      <ErrorNotice error={groups.error} title="Could not load the teams and groups" />
      {groups.data?.items.length === 0 && <p>There are no teams or groups yet.</p>}
      {groups.data?.items.map((g) => (
        <label key={g.groupId} className="choice">
          <input type="checkbox" checked={value.includes(g.groupId)} onChange={(e) => onChange(toggled(value, g.groupId, e.target.checked))} />
          <span>
            {g.name} <span className="muted">({g.kind})</span>
            {g.autoEnrolCourses.length > 0 && (
              <span className="small auto-enrol"> · auto-enrols in {g.autoEnrolCourses.map((c) => c.title ?? c.courseId).join(', ')}</span>
            )}
          </span>
        </label>
      ))}
    </Choices>
  );
}

function useCourses() {
  return useQuery({ queryKey: ['courses'], queryFn: api.courses, staleTime: 60_000 });
}

/** Courses, learning paths and series by title, several at once. */
export function CoursesPicker({ field, id, value, onChange, describedBy, invalid }: PickerProps<string[]>) {
  const courses = useCourses();
  return (
    <Choices field={field} id={id} describedBy={describedBy} invalid={invalid}>
      {courses.isPending && <Loading what="courses" />}
      <ErrorNotice error={courses.error} title="Could not load the courses" />
      {courses.data?.items.map((c) => (
        <label key={c.courseId} className="choice">
          <input type="checkbox" checked={value.includes(c.courseId)} onChange={(e) => onChange(toggled(value, c.courseId, e.target.checked))} />
          <span>
            {c.title} {c.kind !== 'course' && <span className="muted">({c.kind})</span>}
          </span>
        </label>
      ))}
    </Choices>
  );
}

/** One course by title. */
export function CourseSelect({ field, id, value, onChange, describedBy, invalid }: PickerProps<string>) {
  const courses = useCourses();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <option value="">{field.required ? 'Choose a course' : 'No course'}</option>
      {courses.data?.items.map((c) => (
        <option key={c.courseId} value={c.courseId}>
          {c.title}
        </option>
      ))}
    </select>
  );
}

/** A Manager of the tenant, by name. */
export function ManagerSelect({ id, value, onChange, describedBy, invalid }: PickerProps<string>) {
  const managers = useQuery({
    queryKey: ['managers'],
    queryFn: () => api.people({ roles: ['Manager'], statuses: ['active'] }, undefined, 200),
    staleTime: 60_000,
  });
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      <option value="">Choose a manager</option>
      {managers.data?.items.map((m) => (
        <option key={m.userId} value={m.userId}>
          {m.name} ({m.email})
        </option>
      ))}
    </select>
  );
}
