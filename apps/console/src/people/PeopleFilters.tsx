import { FormEvent, ReactElement, useEffect, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import type { CourseStatus, PeopleFilter } from '../api/types';
import { LANGUAGES, PERSON_STATUSES, ROLES } from '../api/types';

interface Props {
  filter: PeopleFilter;
  onApply: (filter: PeopleFilter) => void;
}

type Draft = Record<string, string>;

const draftOf = (f: PeopleFilter): Draft => ({
  q: f.q ?? '',
  roles: f.roles?.[0] ?? '',
  statuses: f.statuses?.[0] ?? '',
  groupIds: f.groupIds?.[0] ?? '',
  labels: f.labels?.join(', ') ?? '',
  specialisms: f.specialisms?.join(', ') ?? '',
  languages: f.languages?.[0] ?? '',
  countries: f.countries?.join(', ') ?? '',
  courseId: f.courseId ?? '',
  courseStatus: f.courseStatus ?? (f.completion === 'completed' ? 'passed' : f.completion === 'not-completed' ? 'not-passed' : ''),
});

const list = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

function filterOfDraft(d: Draft): PeopleFilter {
  const f: PeopleFilter = {};
  if (d.q.trim()) f.q = d.q.trim();
  if (d.roles) f.roles = [d.roles];
  if (d.statuses) f.statuses = [d.statuses];
  if (d.groupIds) f.groupIds = [d.groupIds];
  if (list(d.labels).length) f.labels = list(d.labels);
  if (list(d.specialisms).length) f.specialisms = list(d.specialisms);
  if (d.languages) f.languages = [d.languages];
  if (list(d.countries).length) f.countries = list(d.countries).map((c) => c.toUpperCase());
  if (d.courseId) f.courseId = d.courseId;
  if (d.courseId && d.courseStatus) f.courseStatus = d.courseStatus as CourseStatus; // a status is about a course
  return f;
}

/** The directory's filters: applied together when the form is submitted (Enter in any field, or Apply). */
export function PeopleFilters({ filter, onApply }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(filter));
  const id = useId();
  const groups = useQuery({ queryKey: ['groups'], queryFn: api.groups, staleTime: 60_000 });
  const courses = useQuery({ queryKey: ['courses'], queryFn: api.courses, staleTime: 60_000 });
  const filterKey = JSON.stringify(filter);
  useEffect(() => setDraft(draftOf(JSON.parse(filterKey) as PeopleFilter)), [filterKey]);

  const set = (key: string) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(filterOfDraft(draft));
  };
  const field = (key: string, label: string, control: ReactElement) => (
    <div className="field" key={key}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {control}
    </div>
  );
  const select = (key: string, label: string, options: { value: string; label: string }[], any = 'Any', disabled = false) =>
    field(
      key,
      label,
      <select id={`${id}-${key}`} value={draft[key]} onChange={set(key)} disabled={disabled}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>,
    );
  const text = (key: string, label: string, placeholder = '') =>
    field(key, label, <input id={`${id}-${key}`} value={draft[key]} onChange={set(key)} placeholder={placeholder} autoComplete="off" />);
  const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

  return (
    <form className="filters" onSubmit={submit} aria-label="Filter people" role="search">
      {text('q', 'Search', 'Name or e-mail')}
      {select('roles', 'Role', plain(ROLES))}
      {select('statuses', 'Status', plain(PERSON_STATUSES))}
      {select(
        'groupIds',
        'Team or group',
        (groups.data?.items ?? []).map((g) => ({ value: g.groupId, label: g.name })),
      )}
      {text('labels', 'Label')}
      {text('specialisms', 'Specialism')}
      {select('languages', 'Language', plain(LANGUAGES))}
      {text('countries', 'Country', 'e.g. NL')}
      {select(
        'courseId',
        'Course',
        (courses.data?.items ?? []).map((c) => ({ value: c.courseId, label: c.title })),
      )}
      {select(
        'courseStatus',
        'Status in the course',
        [
          { value: 'passed', label: 'Passed' },
          { value: 'failed', label: 'Failed' },
          { value: 'in-progress', label: 'In progress' },
          { value: 'not-started', label: 'Not started' },
          { value: 'not-enrolled', label: 'Not enrolled' },
          { value: 'not-passed', label: 'Not passed (anyone who has not passed it)' },
        ],
        draft.courseId ? 'Any' : 'Choose a course first',
        !draft.courseId,
      )}
      <div className="filter-buttons">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(draftOf({}));
            onApply({});
          }}
        >
          Reset
        </button>
      </div>
    </form>
  );
}
