import { IHeaders } from 'kafkajs';

export const HEADER = {
  correlationId: 'x-correlation-id',
  tenantId: 'x-tenant-id',
  error: 'x-error',
  errorCode: 'x-error-code',
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
} as const;

export function headerValue(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined ? undefined : first.toString();
}
