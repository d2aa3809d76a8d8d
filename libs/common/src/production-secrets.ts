import type { ServiceId } from './config';

/** The secrets each service signs or verifies with: in production every one must be set and strong. */
export const SERVICE_SECRETS: Readonly<Record<ServiceId, readonly string[]>> = {
  gateway: ['JWT_SECRET'],
  identity: ['IDENTITY_TOKEN_SECRET'],
  orchestrator: [],
  membership: [],
  learning: [],
  communications: [],
};

/** The shortest secret production accepts, in bytes (HMAC-SHA256 keys of less are guessable sooner). */
export const MIN_SECRET_BYTES = 32;

/**
 * Values that exist only for development and tests (the source's fallbacks, docker-compose's and the k8s
 * Secret template's placeholders): anyone can read them, so production refuses them whatever their length.
 */
const DEVELOPMENT_VALUES = new Set([
  'cohort-dev-secret-change-me',
  'cohort-dev-only-identity-token-secret',
  'change-me-in-production',
  'changeme',
  'secret',
]);
const PLACEHOLDER = /^(replace-?me|change-?me|todo|example)/i;

/**
 * Pure: why this environment's secrets would not do for `service` in production, one line per variable
 * (naming it, never its value); empty when they do.
 */
export function productionSecretProblems(service: ServiceId, env: NodeJS.ProcessEnv): string[] {
  return SERVICE_SECRETS[service].flatMap((name) => {
    const value = env[name];
    if (!value) return [`${name} is not set`];
    if (DEVELOPMENT_VALUES.has(value) || PLACEHOLDER.test(value)) return [`${name} is a development or placeholder value`];
    if (Buffer.byteLength(value, 'utf8') < MIN_SECRET_BYTES) return [`${name} is shorter than ${MIN_SECRET_BYTES} bytes`];
    return [];
  });
}
