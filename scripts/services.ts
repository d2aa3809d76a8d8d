/** The six services, their default ports and the environment that tells each where the others are. */
import { DEFAULT_PORTS, SERVICE_IDS, ServiceId } from '@cohort/common';

export const SERVICES = DEFAULT_PORTS;
export type ServiceName = ServiceId;
export const SERVICE_NAMES: ServiceName[] = [...SERVICE_IDS];
export const SERVICE_HOST = '127.0.0.1';

/** The services' ports: the defaults, shifted by `COHORT_PORT_BASE - 3000` when that is set. */
export function servicePorts(env: NodeJS.ProcessEnv = process.env): Record<ServiceName, number> {
  const base = env.COHORT_PORT_BASE ? Number(env.COHORT_PORT_BASE) : SERVICES.gateway;
  if (!Number.isInteger(base) || base < 1 || base > 65535 - SERVICE_NAMES.length) {
    throw new Error(`COHORT_PORT_BASE must be a port number, not "${env.COHORT_PORT_BASE}"`);
  }
  const shift = base - SERVICES.gateway;
  return Object.fromEntries(SERVICE_NAMES.map((name) => [name, SERVICES[name] + shift])) as Record<ServiceName, number>;
}

export function serviceUrl(port: number): string {
  return `http://${SERVICE_HOST}:${port}`;
}

/** IDENTITY_URL, MEMBERSHIP_URL, …, ORCHESTRATOR_URL and PUBLIC_URL (the gateway). */
export function serviceUrls(ports: Record<ServiceName, number>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of SERVICE_NAMES) if (name !== 'gateway') urls[`${name.toUpperCase()}_URL`] = serviceUrl(ports[name]);
  urls.PUBLIC_URL = serviceUrl(ports.gateway);
  return urls;
}
