import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { STATE_FILE } from './paths';
import { isAlive, portOpen, stopProcess } from './processes';
import { createTopics, kafkaReady, startKafka } from './kafka';
import { mongoReady, startMongo } from './mongo';
import { startSmtp } from './smtp';

export type Component = 'kafka' | 'mongo' | 'smtp';

/** What runs where; `pid` only for what the project's scripts started themselves. */
export interface InfraState {
  kafka?: { brokers: string; pid?: number };
  mongo?: { url: string; pid?: number; kind?: string };
  smtp?: { url: string; webUrl?: string; pid?: number };
}

export interface Infra {
  env: { KAFKA_BROKERS: string; MONGO_URL: string; SMTP_URL: string; SMTP_WEB_URL: string };
  /** Components this call started (and so should stop). */
  started: Component[];
}

export function readState(): InfraState {
  return existsSync(STATE_FILE) ? (JSON.parse(readFileSync(STATE_FILE, 'utf8')) as InfraState) : {};
}

function writeState(state: InfraState): void {
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

type Log = (line: string) => void;

/**
 * Brings up Kafka, a MongoDB-protocol server and SMTP on 127.0.0.1, each unless the environment
 * names one (KAFKA_BROKERS, MONGO_URL, SMTP_URL) or one started earlier by these scripts still runs.
 */
export async function infraUp(log: Log = () => undefined): Promise<Infra> {
  const state = readState();
  const started: Component[] = [];

  const kafka = process.env.KAFKA_BROKERS
    ? { brokers: process.env.KAFKA_BROKERS }
    : isAlive(state.kafka?.pid) && (await kafkaReady(state.kafka!.brokers).catch(() => false))
      ? state.kafka!
      : (log('starting Kafka (KRaft) …'), started.push('kafka'), await startKafka());
  if (!process.env.KAFKA_BROKERS) state.kafka = kafka;
  writeState(state);

  const mongo = process.env.MONGO_URL
    ? { url: process.env.MONGO_URL }
    : isAlive(state.mongo?.pid) && (await mongoReady(state.mongo!.url).catch(() => false))
      ? state.mongo!
      : (log('starting the MongoDB-protocol server …'), started.push('mongo'), await startMongo());
  if (!process.env.MONGO_URL) state.mongo = mongo;
  writeState(state);

  const smtpPort = (url?: string) => Number(new URL(url ?? 'smtp://x:1025').port);
  const smtp = process.env.SMTP_URL
    ? { url: process.env.SMTP_URL, webUrl: process.env.SMTP_WEB_URL }
    : isAlive(state.smtp?.pid) && (await portOpen(smtpPort(state.smtp?.url)))
      ? state.smtp!
      : (log('starting the SMTP sink (MailDev) …'), started.push('smtp'), await startSmtp());
  if (!process.env.SMTP_URL) state.smtp = smtp;
  writeState(state);

  const created = await createTopics(kafka.brokers);
  if (created.length) log(`created ${created.length} topics`);
  return {
    env: { KAFKA_BROKERS: kafka.brokers, MONGO_URL: mongo.url, SMTP_URL: smtp.url, SMTP_WEB_URL: smtp.webUrl ?? '' },
    started,
  };
}

/** Stops the components these scripts started (all of them, or only `which`). */
export async function infraDown(which?: Component[], log: Log = () => undefined): Promise<void> {
  const state = readState();
  for (const c of ['smtp', 'mongo', 'kafka'] as const) {
    if (which && !which.includes(c)) continue;
    const pid = state[c]?.pid;
    if (pid && isAlive(pid)) {
      log(`stopping ${c} (pid ${pid}) …`);
      await stopProcess(pid);
    }
    delete state[c];
  }
  writeState(state);
}

export async function infraStatus(): Promise<Record<Component, string>> {
  const state = readState();
  const kafka = process.env.KAFKA_BROKERS ?? state.kafka?.brokers;
  const mongo = process.env.MONGO_URL ?? state.mongo?.url;
  const smtp = process.env.SMTP_URL ?? state.smtp?.url;
  const describe = async (what: string | undefined, ok: (w: string) => Promise<boolean>, pid?: number) =>
    !what ? 'not running' : `${(await ok(what).catch(() => false)) ? 'up' : 'DOWN'} ${what}${pid ? ` (pid ${pid})` : ' (external)'}`;
  return {
    kafka: await describe(kafka, kafkaReady, process.env.KAFKA_BROKERS ? undefined : state.kafka?.pid),
    mongo: await describe(mongo, mongoReady, process.env.MONGO_URL ? undefined : state.mongo?.pid),
    smtp: await describe(smtp, (u) => portOpen(Number(new URL(u).port), new URL(u).hostname), process.env.SMTP_URL ? undefined : state.smtp?.pid),
  };
}
