import { IHeaders } from 'kafkajs';
import { DLQ_HEADERS } from '@cohort/contracts';

export const HEADER = {
  correlationId: 'x-correlation-id',
  tenantId: 'x-tenant-id',
  ...DLQ_HEADERS,
} as const;

export function headerValue(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}
