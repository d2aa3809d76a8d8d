import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { topicPlan, topicsFor } from '@cohort/contracts';
import { CACHE_DIR, DATA_DIR, REPO_ROOT } from './paths';
import { assertPortFree, InfraError, requireTool, run, sleep, startDetached, waitFor } from './processes';

export const KAFKA_VERSION = '3.9.1';
export const KAFKA_PORT = Number(process.env.COHORT_KAFKA_PORT ?? 19092);

/** Resolves the broker's jars with Maven (cached in ~/.m2) and remembers the classpath. */
export function kafkaClasspath(): string {
  const cached = join(CACHE_DIR, `kafka-${KAFKA_VERSION}.classpath`);
  if (existsSync(cached)) {
    const cp = readFileSync(cached, 'utf8').trim();
    if (cp.split(':').every((jar) => existsSync(jar))) return cp;
  }
  requireTool('mvn', '-v', 'install Maven (apt-get install maven) to fetch the Kafka broker jars, or set KAFKA_BROKERS');
  mkdirSync(CACHE_DIR, { recursive: true });
  run('mvn', ['-q', '-B', '-f', join(REPO_ROOT, 'deploy/local/kafka/pom.xml'), 'dependency:build-classpath', `-Dmdep.outputFile=${cached}`]);
  return readFileSync(cached, 'utf8').trim();
}

function writeConfig(dir: string, port: number): { props: string; log4j: string } {
  const props = join(dir, 'server.properties');
  const log4j = join(dir, 'log4j.properties');
  writeFileSync(
    props,
    [
      'process.roles=broker,controller',
      'node.id=1',
      `controller.quorum.voters=1@127.0.0.1:${port + 1}`,
      `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${port + 1}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      'inter.broker.listener.name=PLAINTEXT',
      `log.dirs=${join(dir, 'data')}`,
      'num.partitions=6',
      'offsets.topic.replication.factor=1',
      'offsets.topic.num.partitions=6',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      'delete.topic.enable=true',
      'log.retention.hours=24',
      'message.max.bytes=10485760',
      '',
    ].join('\n'),
  );
  writeFileSync(
    log4j,
    [
      'log4j.rootLogger=WARN, stdout',
      'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
      'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
      'log4j.logger.kafka.server.KafkaRaftServer=INFO',
      // joins, leaves, expired sessions and rebalance generations: what a slow rebalance after a kill is read from
      'log4j.logger.kafka.coordinator.group=INFO',
      'log4j.logger.org.apache.kafka.coordinator.group=INFO',
      '',
    ].join('\n'),
  );
  return { props, log4j };
}

/** Where and how a local broker runs; the defaults are the project's shared broker (`npm run infra:up`). */
export interface KafkaOptions {
  /** client port; the controller listens on port + 1 (default COHORT_KAFKA_PORT or 19092) */
  port?: number;
  /** config, data and storage of this broker (default `.cohort/kafka`) */
  dir?: string;
  /** log file `.cohort/logs/<name>.log` (default `kafka`) */
  name?: string;
  /** JVM heap (default COHORT_KAFKA_HEAP or 768m) */
  heap?: string;
}

/**
 * Formats storage once and starts a single-node KRaft broker+controller on 127.0.0.1. With options, a
 * second broker of its own (another port and data directory), e.g. one a chaos run may restart.
 */
export async function startKafka(options: KafkaOptions = {}): Promise<{ pid: number; brokers: string }> {
  const port = options.port ?? KAFKA_PORT;
  const name = options.name ?? 'kafka';
  requireTool('java', '-version', 'install a Java 17 runtime (apt-get install openjdk-17-jre-headless) to run Kafka, or set KAFKA_BROKERS');
  await assertPortFree(port, 'Kafka', 'KAFKA_BROKERS to use a running broker');
  await assertPortFree(port + 1, 'Kafka controller', 'COHORT_KAFKA_PORT to move the local broker');
  const cp = kafkaClasspath();
  const dir = options.dir ?? join(DATA_DIR, 'kafka');
  mkdirSync(dir, { recursive: true });
  const { props, log4j } = writeConfig(dir, port);
  const jvm = ['-cp', cp, `-Dlog4j.configuration=file:${log4j}`];
  if (!existsSync(join(dir, 'data', 'meta.properties'))) {
    const clusterId = run('java', [...jvm, 'kafka.tools.StorageTool', 'random-uuid'])
      .trim()
      .split('\n')
      .pop()!;
    run('java', [...jvm, 'kafka.tools.StorageTool', 'format', '--ignore-formatted', '-t', clusterId, '-c', props]);
  }
  const heap = options.heap ?? process.env.COHORT_KAFKA_HEAP ?? '768m';
  const pid = startDetached(name, 'java', [`-Xmx${heap}`, `-Xms256m`, '-XX:+UseG1GC', '-Djava.awt.headless=true', ...jvm, 'kafka.Kafka', props]);
  const brokers = `127.0.0.1:${port}`;
  await waitFor(name, pid, () => kafkaReady(brokers), 90_000);
  return { pid, brokers };
}

function admin(brokers: string) {
  return new Kafka({ clientId: 'cohort-infra', brokers: brokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
}

/** A real metadata request: the broker answers with its cluster description. */
export async function kafkaReady(brokers: string): Promise<boolean> {
  const a = admin(brokers);
  try {
    await a.connect();
    const cluster = await a.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } finally {
    await a.disconnect().catch(() => undefined);
  }
}

/** Creates the topics of DESIGN.md §3 (and their DLQs) for a topic prefix; existing ones are kept. */
export async function createTopics(
  brokers: string,
  prefix = process.env.KAFKA_TOPIC_PREFIX ?? '',
  partitions = Number(process.env.KAFKA_PARTITIONS ?? 6),
): Promise<string[]> {
  const a = admin(brokers);
  try {
    await a.connect();
    const existing = new Set(await a.listTopics());
    const plan = topicPlan(topicsFor(prefix), partitions);
    const missing = plan.filter((t) => !existing.has(t.topic));
    if (missing.length) await a.createTopics({ topics: missing.map((t) => ({ ...t, replicationFactor: 1 })), waitForLeaders: false });
    await waitForLeaders(
      a,
      plan.map((t) => t.topic),
    );
    return missing.map((t) => t.topic);
  } finally {
    await a.disconnect().catch(() => undefined);
  }
}

/** Every partition of the topics has a leader (a fresh broker needs a moment after creating them). */
async function waitForLeaders(a: Admin, topics: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: meta } = await a.fetchTopicMetadata({ topics });
      if (meta.length === topics.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch {
      /* metadata not there yet: try again */
    }
    if (Date.now() > deadline) throw new InfraError(`topics have no leaders after ${timeoutMs / 1000}s: ${topics.slice(0, 3).join(', ')}…`);
    await sleep(250);
  }
}

export async function deleteTopics(brokers: string, prefix: string): Promise<void> {
  if (!prefix) throw new Error('refusing to delete the unprefixed production topics');
  const a = admin(brokers);
  try {
    await a.connect();
    const mine = (await a.listTopics()).filter((t) => t.startsWith(prefix));
    if (mine.length) await a.deleteTopics({ topics: mine, timeout: 30_000 });
  } finally {
    await a.disconnect().catch(() => undefined);
  }
}
