import { PersonView } from '@cohort/contracts';
import { Person } from './person.schema';

/** What the internal API shows of a person (libs/contracts PersonView): dates as ISO strings. */
export function toPersonView(p: Person): PersonView {
  return {
    userId: p.userId,
    tenantId: p.tenantId,
    email: p.email,
    name: p.name ?? '',
    status: p.status,
    role: p.role,
    permissions: p.permissions ?? [],
    language: p.language,
    ...(p.country ? { country: p.country } : {}),
    labels: p.labels ?? [],
    specialisms: p.specialisms ?? [],
    ...iso('hireDate', p.hireDate),
    ...iso('lastActiveAt', p.lastActiveAt),
    ...iso('createdAt', p.createdAt),
  };
}

function iso<K extends string>(key: K, value: Date | string | null | undefined): Partial<Record<K, string>> {
  if (value === null || value === undefined) return {};
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? {} : ({ [key]: date.toISOString() } as Record<K, string>);
}
