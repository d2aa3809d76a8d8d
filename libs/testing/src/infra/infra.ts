import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { STATE_FILE } from './paths';
import { commandLine, listeners, portOpen, ProcRef, procRef, stillRunning, stopProcess } from './processes';
import { createTopics, KAFKA_PORT, kafkaReady, startKafka } from './kafka';
import { MONGO_PORT, mongoReady, startMongo } from './mongo';
import { SMTP_PORT, SMTP_WEB_PORT, startSmtp } from './smtp';
import { DATA_DIR } from './paths';

export type Component = 'kafka' | 'mongo' | 'smtp';
const COMPONENTS = ['smtp', 'mongo', 'kafka'] as const;
const LABEL: Record<Component, string> = { kafka: 'Kafka', mongo: 'the MongoDB-protocol server', smtp: 'MailDev' };

/**
 * Who stops what it started when it ends (`npm start`, a test run): a component or service it started and
 * left running after it was gone (kill -9, a closed terminal) is a leftover, and the next run stops it.
 */
export interface Owner extends ProcRef {
  what: string;
}

/** What runs where; `pid` only for what the project's scripts started themselves. */
export interface InfraState {
  kafka?: { brokers: string; pid?: number; startedAt?: number; owner?: Owner };
  mongo?: { url: string; pid?: number; startedAt?: number; kind?: string; owner?: Owner };
  smtp?: { url: string; webUrl?: string; pid?: number; startedAt?: number; owner?: Owner };
  /** the service processes a run (`npm start`) started, stopped by the next run when it left them behind */
  services?: { owner: Owner; processes: ProcRef[] };
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

const ref = (c: { pid?: number; startedAt?: number } | undefined): ProcRef | undefined =>
  c?.pid ? { pid: c.pid, startedAt: c.startedAt } : undefined;

/** This process as the owner of what it starts. */
export function ownerHere(what: string): Owner {
  return { ...procRef(process.pid), what };
}

/** The ports each component listens on (the Kafka controller on the next one). */
const PORTS: Record<Component, number[]> = { kafka: [KAFKA_PORT, KAFKA_PORT + 1], mongo: [MONGO_PORT], smtp: [SMTP_PORT, SMTP_WEB_PORT] };

/**
 * Stops what a run that is gone left behind, saying so in one line each: the components and services it
 * owned (per the state file), and a process on a component's port that runs from this project's data
 * directory though the state file does not know it (the file was removed). Returns the state without them.
 */
export async function stopLeftovers(log: Log = () => undefined): Promise<InfraState> {
  const state = readState();
  const stops: Promise<void>[] = [];
  for (const c of COMPONENTS) {
    const entry = state[c];
    if (!entry?.pid) continue;
    if (!stillRunning(ref(entry))) {
      delete state[c]; // gone already: nothing to stop
    } else if (entry.owner && !stillRunning(entry.owner)) {
      log(`stopping ${LABEL[c]} (pid ${entry.pid}), left running by ${entry.owner.what} (pid ${entry.owner.pid}) which is gone`);
      stops.push(stopProcess(entry.pid));
      delete state[c];
    }
  }
  if (state.services && !stillRunning(state.services.owner)) {
    const alive = state.services.processes.filter((p) => stillRunning(p));
    if (alive.length) {
      log(
        `stopping ${alive.length} service process(es) (pids ${alive.map((p) => p.pid).join(', ')}), left running by ${state.services.owner.what} (pid ${state.services.owner.pid}) which is gone`,
      );
      stops.push(...alive.map((p) => stopProcess(p.pid, 10_000)));
    }
    delete state.services;
  }
  await Promise.all(stops.splice(0));
  // unknown to the state file, yet ours: a broker, store or inbox running from this project's data directory
  for (const c of COMPONENTS) {
    if (state[c]?.pid) continue;
    for (const pid of new Set(PORTS[c].flatMap(listeners))) {
      if (pid === process.pid || !commandLine(pid).includes(DATA_DIR)) continue;
      log(`stopping ${LABEL[c]} (pid ${pid}) on port ${PORTS[c].join('/')}, left running from ${DATA_DIR} by an earlier run`);
      stops.push(stopProcess(pid));
    }
  }
  await Promise.all(stops);
  writeState(state);
  return state;
}

/**
 * Brings up Kafka, a MongoDB-protocol server and SMTP on 127.0.0.1, each unless the environment
 * names one (KAFKA_BROKERS, MONGO_URL, SMTP_URL) or one started earlier by these scripts still runs.
 * With an `owner`, what this call starts is that owner's to stop: if it is gone without stopping them,
 * the next call (or `infraDown`) does. Leftovers of a run that is gone are stopped first.
 */
export async function infraUp(log: Log = () => undefined, owner?: Owner): Promise<Infra> {
  const state = await stopLeftovers(log);
  const started: Component[] = [];
  const own = <T extends { pid: number }>(c: T) => ({ ...c, startedAt: procRef(c.pid).startedAt, ...(owner && { owner }) });

  const kafka = process.env.KAFKA_BROKERS
    ? { brokers: process.env.KAFKA_BROKERS }
    : stillRunning(ref(state.kafka)) && (await kafkaReady(state.kafka!.brokers).catch(() => false))
      ? state.kafka!
      : (log('starting Kafka (KRaft) …'), started.push('kafka'), own(await startKafka()));
  if (!process.env.KAFKA_BROKERS) state.kafka = kafka;
  writeState(state);

  const mongo = process.env.MONGO_URL
    ? { url: process.env.MONGO_URL }
    : stillRunning(ref(state.mongo)) && (await mongoReady(state.mongo!.url).catch(() => false))
      ? state.mongo!
      : (log('starting the MongoDB-protocol server …'), started.push('mongo'), own(await startMongo()));
  if (!process.env.MONGO_URL) state.mongo = mongo;
  writeState(state);

  const smtpPort = (url?: string) => Number(new URL(url ?? 'smtp://x:1025').port);
  const smtp = process.env.SMTP_URL
    ? { url: process.env.SMTP_URL, webUrl: process.env.SMTP_WEB_URL }
    : stillRunning(ref(state.smtp)) && (await portOpen(smtpPort(state.smtp?.url)))
      ? state.smtp!
      : (log('starting the SMTP sink (MailDev) …'), started.push('smtp'), own(await startSmtp()));
  if (!process.env.SMTP_URL) state.smtp = smtp;
  writeState(state);

  const created = await createTopics(kafka.brokers);
  if (created.length) log(`created ${created.length} topics`);
  return {
    env: { KAFKA_BROKERS: kafka.brokers, MONGO_URL: mongo.url, SMTP_URL: smtp.url, SMTP_WEB_URL: smtp.webUrl ?? '' },
    started,
  };
}

/**
 * Stops the components these scripts started (all of them, or only `which`), at once; with all of them,
 * also what a run that is gone left behind (its services too).
 */
export async function infraDown(which?: Component[], log: Log = () => undefined): Promise<void> {
  const state = which ? readState() : await stopLeftovers(log);
  const stops: Promise<void>[] = [];
  for (const c of COMPONENTS) {
    if (which && !which.includes(c)) continue;
    const entry = state[c];
    if (entry?.pid && stillRunning(ref(entry))) {
      log(`stopping ${LABEL[c]} (pid ${entry.pid}) …`);
      stops.push(stopProcess(entry.pid));
    }
    delete state[c];
  }
  await Promise.all(stops);
  writeState(state);
}

/** Records the service processes `owner` started, so that the next run stops them if the owner is gone without doing so. */
export function recordServices(owner: Owner, pids: number[]): void {
  const state = readState();
  state.services = { owner, processes: pids.map(procRef) };
  writeState(state);
}

/** Forgets the service processes of `owner` (they stopped). */
export function forgetServices(owner: Owner): void {
  const state = readState();
  if (state.services?.owner.pid !== owner.pid) return;
  delete state.services;
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
