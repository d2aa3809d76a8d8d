import { createTopics, infraUp, ownerHere } from '@cohort/testing';

/**
 * Brings up (or reuses) the real Kafka, MongoDB-protocol server and SMTP sink — local processes, or
 * containers with COHORT_INFRA=testcontainers where Docker exists — then gives this run its own
 * topic prefix and database prefix so it never touches a running system's data.
 * Workers inherit the environment set here.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`\n[infra] ${line}`);
  const g = globalThis as Record<string, unknown>;
  if (process.env.COHORT_INFRA === 'testcontainers') {
    const { containersUp } = await import('../../libs/testing/src/infra/testcontainers');
    const { infra, stop } = await containersUp();
    Object.assign(process.env, infra.env);
    g.__COHORT_CONTAINERS_STOP__ = stop;
  } else {
    const infra = await infraUp(log, ownerHere('a test run (jest)'));
    Object.assign(process.env, infra.env);
    g.__COHORT_INFRA_STARTED__ = infra.started;
  }
  const run = `t${Date.now().toString(36)}`;
  process.env.KAFKA_TOPIC_PREFIX = `${run}.`;
  process.env.MONGO_DB_PREFIX = `test_${run}`;
  process.env.LOG_LEVEL ??= 'error';
  await createTopics(process.env.KAFKA_BROKERS!, process.env.KAFKA_TOPIC_PREFIX, 3);
}
