import { z } from 'zod';
import { productionSecretProblems } from './production-secrets';

export const SERVICE_IDS = ['gateway', 'orchestrator', 'identity', 'membership', 'learning', 'communications'] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

/** Default HTTP port of each service on one machine (`COHORT_PORT_BASE` shifts them all). */
export const DEFAULT_PORTS: Record<ServiceId, number> = {
  gateway: 3000,
  orchestrator: 3001,
  identity: 3002,
  membership: 3003,
  learning: 3004,
  communications: 3005,
};

const url = z.string().url();
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:19092'),
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  // this process's Kafka client id (default cohort-<service>): give each replica its own (the pod name) and the
  // broker's group descriptions and logs tell the replicas apart
  KAFKA_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, 'letters, digits, dots, underscores and hyphens')
    .optional(),
  // how long the group waits for a silent member (a killed process) before its partitions move on; heartbeats
  // go every 3 s, also while a handler runs. The broker accepts 6–300 s by default.
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300000).default(10000),
  // how long a rebalance waits for a live member to finish the message in hand: longer than a work chunk ever
  // takes, or the member is dropped mid-chunk and the partition's next owner works the same chunk at the same time
  KAFKA_REBALANCE_TIMEOUT_MS: z.coerce.number().int().min(10000).max(1800000).default(300000),
  MONGO_URL: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'a mongodb:// URL')
    .default('mongodb://127.0.0.1:27018/'),
  MONGO_DB_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('cohort'),
  JWT_SECRET: z.string().min(8).default('cohort-dev-secret-change-me'),
  SMTP_URL: url.default('smtp://127.0.0.1:1025'),
  PUBLIC_URL: url.default('http://127.0.0.1:3000'),
  IDENTITY_URL: url.optional(),
  MEMBERSHIP_URL: url.optional(),
  LEARNING_URL: url.optional(),
  COMMUNICATIONS_URL: url.optional(),
  ORCHESTRATOR_URL: url.optional(),
});

export interface ServiceConfig {
  service: ServiceId;
  port: number;
  host: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  kafka: { brokers: string[]; topicPrefix: string; clientId: string; groupId: string; sessionTimeoutMs: number; rebalanceTimeoutMs: number };
  mongo: { url: string; dbName: string };
  jwtSecret: string;
  smtpUrl: string;
  publicUrl: string;
  /** base URLs of the other services' small HTTP APIs */
  urls: Record<Exclude<ServiceId, 'gateway'>, string>;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once at start-up; a bad variable stops the service with its name. */
export function loadConfig(service: ServiceId, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  if (env.NODE_ENV === 'production') {
    const problems = productionSecretProblems(service, env);
    if (problems.length) throw new ConfigError(`${service} refuses to start in production (NODE_ENV=production): ${problems.join('; ')}`);
  }
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid environment for ${service}: ${problems}`);
  }
  const e = parsed.data;
  const base = Number(env.COHORT_PORT_BASE ?? 3000) - 3000;
  const local = (s: ServiceId) => `http://127.0.0.1:${DEFAULT_PORTS[s] + base}`;
  return {
    service,
    port: e.PORT ?? DEFAULT_PORTS[service] + base,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    kafka: {
      brokers: e.KAFKA_BROKERS.split(',').map((b) => b.trim()),
      topicPrefix: e.KAFKA_TOPIC_PREFIX,
      clientId: e.KAFKA_CLIENT_ID ?? `cohort-${service}`,
      groupId: `${e.KAFKA_TOPIC_PREFIX}cohort.${service}`,
      sessionTimeoutMs: e.KAFKA_SESSION_TIMEOUT_MS,
      rebalanceTimeoutMs: e.KAFKA_REBALANCE_TIMEOUT_MS,
    },
    mongo: { url: e.MONGO_URL, dbName: `${e.MONGO_DB_PREFIX}_${service}` },
    jwtSecret: e.JWT_SECRET,
    smtpUrl: e.SMTP_URL,
    publicUrl: e.PUBLIC_URL,
    urls: {
      orchestrator: e.ORCHESTRATOR_URL ?? local('orchestrator'),
      identity: e.IDENTITY_URL ?? local('identity'),
      membership: e.MEMBERSHIP_URL ?? local('membership'),
      learning: e.LEARNING_URL ?? local('learning'),
      communications: e.COMMUNICATIONS_URL ?? local('communications'),
    },
  };
}

/** Nest injection token for this process's ServiceConfig. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** Nest injection token for the CohortCoreModule options of this process. */
export const CORE_OPTIONS = Symbol('CORE_OPTIONS');
