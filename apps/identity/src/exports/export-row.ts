import { EXPORT_COLUMNS, ExportColumn } from '@cohort/contracts';
import { cellText } from '@cohort/common';
import { Person } from '../people/person.schema';

/**
 * What an export job recorded of one person when it ran: the exportable fields as they were then (a later
 * change does not alter a finished export). `_id` is `<tenant>:<job>:<user>`: a redelivered chunk inserts
 * nothing twice.
 */
export interface ExportRowDoc {
  _id: string;
  tenantId: string;
  jobId: string;
  userId: string;
  chunk: number;
  person: ExportedPerson;
}

/** The job's columns, recorded once with its first chunk. */
export interface ExportJobDoc {
  _id: string;
  tenantId: string;
  jobId: string;
  columns: ExportColumn[];
  createdAt: Date;
}

export type ExportedPerson = Pick<Person, 'email' | 'name' | 'status' | 'role' | 'language' | 'labels' | 'specialisms'> & {
  country: string | null;
  groupIds: string[];
  registeredAt: Date | null;
  lastActiveAt: Date | null;
};

export const exportRowKey = (tenantId: string, jobId: string, userId: string) => `${tenantId}:${jobId}:${userId}`;
export const exportJobKey = (tenantId: string, jobId: string) => `${tenantId}:${jobId}`;

/** Pure: the snapshot of a person an export keeps. */
export function exportedPerson(p: Person): ExportedPerson {
  return {
    email: p.email,
    name: p.name ?? '',
    status: p.status,
    role: p.role,
    language: p.language,
    country: p.country ?? null,
    labels: [...(p.labels ?? [])],
    specialisms: [...(p.specialisms ?? [])],
    groupIds: [...(p.groupIds ?? [])],
    registeredAt: p.createdAt ?? null,
    lastActiveAt: p.lastActiveAt ?? null,
  };
}

/** A tenant's teams and groups by id, to name them in the file (an id no longer known is left out). */
export type GroupNames = ReadonlyMap<string, { name: string; kind: 'team' | 'group' }>;

const LIST_SEPARATOR = '; ';
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : '');

/** Pure: one CSV record of the chosen columns, every cell formula-neutralised (a name like `=HYPERLINK(…)` stays text). */
export function exportCells(userId: string, person: ExportedPerson, columns: readonly ExportColumn[], groups: GroupNames): string[] {
  const named = (kind: 'team' | 'group') =>
    person.groupIds
      .flatMap((id) => {
        const g = groups.get(id);
        return g?.kind === kind ? [g.name] : [];
      })
      .sort((a, b) => a.localeCompare(b))
      .join(LIST_SEPARATOR);
  const value: Record<ExportColumn, () => string> = {
    userId: () => userId,
    email: () => person.email,
    name: () => person.name,
    status: () => person.status,
    role: () => person.role,
    language: () => person.language,
    country: () => person.country ?? '',
    teams: () => named('team'),
    groups: () => named('group'),
    labels: () => person.labels.join(LIST_SEPARATOR),
    specialisms: () => person.specialisms.join(LIST_SEPARATOR),
    registeredAt: () => iso(person.registeredAt),
    lastActiveAt: () => iso(person.lastActiveAt),
  };
  return columns.map((c) => cellText(value[c]()));
}

/** The columns of a job: those its params name, in that order, or all of them. */
export function exportColumns(requested: readonly ExportColumn[] | undefined): ExportColumn[] {
  return requested?.length ? [...new Set(requested)] : [...EXPORT_COLUMNS];
}
