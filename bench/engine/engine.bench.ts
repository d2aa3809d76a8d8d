/**
 * The batch engine end to end: a `change-language` job over N people, submitted on Kafka, run by the
 * identity and orchestrator services as separate processes, against the raw store doing the same writes.
 *
 *   npx tsx bench/engine/engine.bench.ts --people 10000,100000 [--chunk 500] [--window 8] [--no-build]
 *       [--baseline-concurrency 1,3] [--baseline-people M] [--timeout-min 30] [--log-level info] [--keep] [--no-write]
 *
 * See bench/engine/README.md for what is measured and what limits it.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Admin, Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import { Collection, MongoClient } from 'mongodb';
import { BatchCommand, JobEvent, topicsFor } from '@cohort/contracts';
import { createTopics, deleteTopics } from '@cohort/testing/infra/kafka';
import { readState } from '@cohort/testing/infra/infra';
import { benchSecrets, HOST, freePort, machineBusySeconds, ProcSample, readProc, ServiceProcess } from './processes';
import { personDoc } from '../../test/support/system';
import { BENCH_ACTIONS } from './actions';
import { hottestFunctions } from './cpu-profile';
import { pidListeningOn, portOf, storePid } from './listeners';
import {
  baselinePass,
  BaselineResult,
  createPeopleIndexes,
  dropDatabases,
  PersonDoc,
  round,
  seedOwnersList,
  seedPeople,
  verifyPeople,
  Verification,
} from './store';

const ROOT = resolve(__dirname, '../..');
const RESULTS_DIR = resolve(__dirname, '../results');
const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27018/';
const PARTITIONS = 6;
const TENANT = 'bench-engine';
/** the probe: a small job over people the large job leaves out (Managers), run while it runs */
const PROBE_IDS = ['probe0', 'probe1', 'probe2', 'probe3', 'probe4'];
const PROBE_LANGUAGE = 'de';
const PROBE_TIMEOUT_MS = 120_000;
/** the baseline's passes alternate between these (each pass must change every person) */
const BASELINE_LANGUAGES = ['nl', 'de'];
const SAMPLE_MS = 500;
const LAG_MS = 2000;
const REPORT_MS = 10_000;

type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

interface Params {
  people: number[];
  /** one run per chunk size (a sweep), each N */
  chunkSizes: number[];
  action: string;
  /** identity processes (consumer-group members of its work topic) */
  replicas: number;
  /** a 5-person job submitted once the large job is under way: its latency */
  probe: boolean;
  /** write V8 CPU profiles of the services (node --cpu-prof) and print their hottest functions */
  cpuProf: boolean;
  window: number;
  build: boolean;
  write: boolean;
  keep: boolean;
  /** chunks in flight at once in the baseline, one pair of passes per value */
  baselineConcurrency: number[];
  /** people in the baseline's copy (default: as many as the job); a sample keeps a 1,000,000-person run's store small */
  baselinePeople?: number;
  timeoutMin: number;
  logLevel: LogLevel;
}

function parseArgs(argv: string[]): Params {
  const p: Params = {
    people: [10_000, 100_000],
    chunkSizes: [100],
    action: 'change-language',
    replicas: 1,
    probe: true,
    cpuProf: false,
    window: 8,
    build: true,
    write: true,
    keep: false,
    baselineConcurrency: [1, 3],
    timeoutMin: 30,
    logLevel: 'info',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--people':
        p.people = value()
          .split(',')
          .map((v) => positiveInt(v.replace(/_/g, ''), flag));
        break;
      case '--chunk':
        p.chunkSizes = value()
          .split(',')
          .map((v) => positiveInt(v, flag));
        if (p.chunkSizes.some((c) => c > 1000)) throw new Error('--chunk: at most 1000 (MAX_CHUNK_SIZE)');
        break;
      case '--action': {
        const v = value();
        if (!Object.hasOwn(BENCH_ACTIONS, v)) throw new Error(`--action ${Object.keys(BENCH_ACTIONS).join('|')}`);
        p.action = v;
        break;
      }
      case '--replicas':
        p.replicas = positiveInt(value(), flag);
        if (p.replicas > PARTITIONS) throw new Error(`--replicas: at most ${PARTITIONS} (the partitions of the work topic)`);
        break;
      case '--no-probe':
        p.probe = false;
        break;
      case '--cpu-prof':
        p.cpuProf = true;
        break;
      case '--window':
        p.window = positiveInt(value(), flag);
        break;
      case '--baseline-concurrency':
        p.baselineConcurrency = value()
          .split(',')
          .map((v) => positiveInt(v, flag));
        break;
      case '--baseline-people':
        p.baselinePeople = positiveInt(value().replace(/_/g, ''), flag);
        break;
      case '--timeout-min':
        p.timeoutMin = positiveInt(value(), flag);
        break;
      case '--log-level': {
        const v = value();
        if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v))
          throw new Error('--log-level fatal|error|warn|info|debug|trace|silent');
        p.logLevel = v as LogLevel;
        break;
      }
      case '--no-build':
        p.build = false;
        break;
      case '--no-write':
        p.write = false;
        break;
      case '--keep':
        p.keep = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(
          'npm run bench -- [--people N[,N…]] [--action change-language|change-role|deactivate] [--chunk C[,C…]] [--replicas R] [--window 8] [--no-probe] [--cpu-prof] [--no-build] [--baseline-concurrency 1,3] [--baseline-people M] [--timeout-min 30] [--log-level info] [--keep] [--no-write]\n',
        );
        process.exit(0);
      // falls through (never: exit above)
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return p;
}

function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs positive integers`);
  return n;
}

const log = (line: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mib = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? NaN : round(x, 1));

// ---------------------------------------------------------------- report shapes

interface ProcFigures {
  /** RSS once healthy, before the job */
  rssBeforeMiB: number;
  /** highest RSS sampled during the job */
  rssMaxSampledMiB: number;
  /** VmHWM just before stopping: the process's peak RSS over its life (start-up included) */
  peakMiB: number;
  /** CPU seconds used from publish to the end event */
  cpuSeconds: number;
}

interface JobFigures {
  jobId?: string;
  end: 'completed' | 'failed' | 'cancelled' | 'rejected' | 'timeout' | 'service-exited';
  total?: number;
  counts?: Record<string, number>;
  publishToAcceptedMs?: number;
  publishToFirstProgressMs?: number;
  /** first progress event that counted a finished person */
  publishToFirstFinishedMs?: number;
  /** first progress event whose total is the whole selection (identity's stream and the chunk documents are done) */
  publishToTotalKnownMs?: number;
  publishToEndMs?: number;
  /** total / (end − publish) */
  personsPerSecond?: number;
  /** finished people between the first progress that counted one and the end, per second */
  steadyPersonsPerSecond?: number;
  progressEvents: number;
  /** longest gap between consecutive progress events (and the end event), by their `at` */
  /** publish → the orchestrator's `at` on the accepted event (same machine clock): what of `publishToAcceptedMs` is the orchestrator's */
  publishToAcceptedEmittedMs?: number;
  progressMaxGapMs?: number;
  /** the same by when the bench received them */
  progressMaxGapReceivedMs?: number;
  reportedRateMax?: number;
  /** highest committed-offset lag seen (sampled every 2 s): identity on the work topic, the orchestrator on results */
  lagMax: { identityWork: number; orchestratorResults: number };
  /** every progress event: [ms since publish (received), finished, total, ratePerSecond] */
  progressSeries?: [number, number, number, number][];
}

type PassFigures = BaselineResult & {
  /** CPU seconds during the pass: the store, Kafka, this process, the whole machine, and the rest (other work) */
  cpu: Record<string, number>;
};

interface BaselineFigures {
  /** chunks handled at once */
  concurrency: number;
  /** people the passes went over (the first ones of the job's size when --baseline-people samples) */
  people: number;
  readsWrites: PassFigures;
  writesOnly: PassFigures;
  /** end-to-end persons/s ÷ baseline persons/s */
  ratioToReadsWrites?: number;
  ratioToWritesOnly?: number;
}

interface ProbeFigures {
  /** people of the small job */
  people: number;
  /** the large job's finished people when the probe was published */
  publishedAtLargeFinished?: number;
  end: JobFigures['end'];
  publishToEndMs?: number;
  counts?: Record<string, number>;
  verified: boolean;
}

interface RunReport {
  people: number;
  action: string;
  chunkSize: number;
  /** identity processes */
  replicas: number;
  ok: boolean;
  tenantId: string;
  topicPrefix: string;
  dbPrefix: string;
  seed: { ms: number; docsPerSecond: number };
  startupMs: Record<string, number>;
  job: JobFigures;
  /** a 5-person job run while the large one runs */
  probe?: ProbeFigures;
  /** per process: orchestrator, identity (identity-2 … for more replicas), the saga's other services */
  memory: Record<string, ProcFigures>;
  /**
   * CPU seconds from publish to end; kafka and store only when the project's infra scripts started them;
   * machine = all busy CPU, other = machine minus the processes named here (other work on the machine)
   */
  cpu: Record<string, number>;
  loadAverage?: { atPublish: number[]; atEnd?: number[] };
  stop: Record<string, unknown>;
  verification?: Verification;
  jobDocument?: Record<string, unknown> | null;
  chunkDocuments?: { count: number; done: number; inflight: number };
  /** one entry per baseline concurrency */
  baseline: BaselineFigures[];
  baselineVerification?: Verification;
  /** persons/s ÷ that of the same N with the sweep's first chunk size */
  ratioToFirstChunk?: number;
  /** with --cpu-prof: per service, its hottest functions by self time */
  profiles?: Record<string, ReturnType<typeof hottestFunctions> & { file: string }>;
  /** FerretDB on SQLite: MiB of the bench databases' files (the -wal file grows with every write) after the job and after the baseline */
  sqliteFiles?: { afterJob?: Record<string, number>; afterBaseline?: Record<string, number> };
  warnings: string[];
  logs: Record<string, string>;
  evidence?: Record<string, unknown>;
}

// ---------------------------------------------------------------- steps

function build(): Promise<void> {
  log('building (npm run -s build) …');
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolvePromise() : reject(new Error(`build failed (${signal ?? `exit ${code}`})`))));
  });
}

async function storeName(client: MongoClient): Promise<string> {
  const info = await client.db('admin').command({ buildInfo: 1 });
  if (info.ferretdbVersion) {
    return `FerretDB ${info.ferretdbVersion}${ferretdbHandler()}, MongoDB wire version ${info.version}`;
  }
  return `MongoDB ${info.version}`;
}

/** The broker's pid, found the same way. */
function brokerPid(): number | undefined {
  const state = readState().kafka;
  if (state?.pid && state.brokers === BROKERS) return state.pid;
  const port = portOf(BROKERS);
  return /127\.0\.0\.1|localhost/.test(BROKERS) && port ? pidListeningOn(port) : undefined;
}

/** The store's command line when it is a local process (empty otherwise). */
function ferretdbCommandLine(): string {
  const pid = storePid(MONGO_URL);
  if (!pid) return '';
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** ` on sqlite` / ` on postgresql`: FerretDB's backend, from its command line. */
function ferretdbHandler(): string {
  const handler = /--handler=(\S+)/.exec(ferretdbCommandLine())?.[1];
  return handler ? ` on ${handler}` : '';
}

/** MiB of each SQLite file (database, -wal, -shm) of the bench's databases, when FerretDB runs on SQLite in a known directory. */
function sqliteFiles(dbPrefix: string): Record<string, number> | undefined {
  const dir = /--sqlite-url=file:(\S+)/.exec(ferretdbCommandLine())?.[1]?.replace(/\?.*$/, '');
  if (!dir) return undefined;
  try {
    const files = readdirSync(dir).filter((f) => f.startsWith(`${dbPrefix}_`));
    return Object.fromEntries(files.map((f) => [f, round(statSync(join(dir, f)).size / 2 ** 20, 1)]));
  } catch {
    return undefined;
  }
}

async function waitGroupsStable(admin: Admin, groupIds: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { groups } = await admin.describeGroups(groupIds);
    if (groups.every((g) => g.state === 'Stable' && g.members.length > 0)) return;
    if (Date.now() > deadline)
      throw new Error(`consumer groups not stable after ${timeoutMs / 1000}s: ${groups.map((g) => `${g.groupId}=${g.state}`).join(', ')}`);
    await sleep(200);
  }
}

async function groupLag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [committed, ends] = await Promise.all([admin.fetchOffsets({ groupId, topics: [topic] }), admin.fetchTopicOffsets(topic)]);
  const at = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  let lag = 0;
  for (const p of ends) {
    const c = at.get(p.partition) ?? -1;
    lag += Math.max(0, Number(p.high) - (c >= 0 ? c : Number(p.low)));
  }
  return lag;
}

interface Received {
  event: JobEvent;
  receivedAt: number;
}

/** Follows the events topic from the beginning with a fresh group; keeps what concerns the command. */
async function followEvents(kafka: Kafka, topic: string, groupId: string, commandId: string) {
  const events: Received[] = [];
  let jobId: string | undefined;
  let invalid = 0;
  const waiters: (() => void)[] = [];
  const consumer: Consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  const joined = new Promise<void>((r) => consumer.on(consumer.events.GROUP_JOIN, () => r()));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const receivedAt = Date.now();
      let parsed;
      try {
        parsed = JobEvent.safeParse(JSON.parse(message.value?.toString() ?? 'null'));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success) {
        invalid++;
        return;
      }
      const event = parsed.data;
      if (event.type === 'accepted' && event.commandId === commandId) jobId = event.jobId;
      const mine =
        event.type === 'accepted' || event.type === 'rejected' ? event.commandId === commandId : jobId !== undefined && event.jobId === jobId;
      if (!mine) return;
      events.push({ event, receivedAt });
      waiters.splice(0).forEach((w) => w());
    },
  });
  await joined;
  const ended = () => events.find((e) => ['completed', 'failed', 'cancelled', 'rejected'].includes(e.event.type));
  /** resolves at the end event, or undefined at the deadline / when `abort` says so */
  const waitEnd = async (deadline: number, abort: () => boolean): Promise<Received | undefined> => {
    for (;;) {
      const end = ended();
      if (end) return end;
      if (Date.now() > deadline || abort()) return undefined;
      await Promise.race([new Promise<void>((r) => waiters.push(r)), sleep(500)]);
    }
  };
  return { consumer, events, waitEnd, invalid: () => invalid, jobId: () => jobId };
}

function jobFigures(events: Received[], publishAt: number, expectedTotal: number, lagMax: JobFigures['lagMax'], end: JobFigures['end']): JobFigures {
  const accepted = events.find((e) => e.event.type === 'accepted');
  const progress = events.filter((e) => e.event.type === 'progress');
  const endEvent = events.find((e) => ['completed', 'failed', 'cancelled', 'rejected'].includes(e.event.type));
  const firstFinished = progress.find((e) => e.event.type === 'progress' && finishedOf(e.event.counts) > 0);
  const f: JobFigures = { end, progressEvents: progress.length, lagMax };
  if (accepted?.event.type === 'accepted') {
    f.jobId = accepted.event.jobId;
    f.publishToAcceptedMs = accepted.receivedAt - publishAt;
    f.publishToAcceptedEmittedMs = Date.parse(accepted.event.at) - publishAt;
  }
  if (progress.length) {
    f.publishToFirstProgressMs = progress[0].receivedAt - publishAt;
    f.reportedRateMax = round(Math.max(...progress.map((e) => (e.event.type === 'progress' ? e.event.ratePerSecond : 0))), 1);
    const series = endEvent && endEvent.event.type !== 'rejected' ? [...progress, endEvent] : progress;
    let gapAt = 0;
    let gapReceived = 0;
    for (let i = 1; i < series.length; i++) {
      const a = series[i - 1];
      const b = series[i];
      if ('at' in a.event && 'at' in b.event) gapAt = Math.max(gapAt, Date.parse(b.event.at) - Date.parse(a.event.at));
      gapReceived = Math.max(gapReceived, b.receivedAt - a.receivedAt);
    }
    f.progressMaxGapMs = gapAt;
    f.progressMaxGapReceivedMs = gapReceived;
  }
  if (firstFinished) f.publishToFirstFinishedMs = firstFinished.receivedAt - publishAt;
  const totalKnown = progress.find((e) => e.event.type === 'progress' && e.event.total === expectedTotal);
  if (totalKnown) f.publishToTotalKnownMs = totalKnown.receivedAt - publishAt;
  f.progressSeries = progress.map((e) =>
    e.event.type === 'progress' ? [e.receivedAt - publishAt, finishedOf(e.event.counts), e.event.total, round(e.event.ratePerSecond)] : [0, 0, 0, 0],
  );
  if (endEvent && endEvent.event.type !== 'rejected' && endEvent.event.type !== 'accepted' && endEvent.event.type !== 'progress') {
    const e = endEvent.event;
    f.total = e.total;
    f.counts = e.counts;
    f.publishToEndMs = endEvent.receivedAt - publishAt;
    f.personsPerSecond = round((e.total / f.publishToEndMs) * 1000, 1);
    if (firstFinished?.event.type === 'progress') {
      const seconds = (endEvent.receivedAt - firstFinished.receivedAt) / 1000;
      if (seconds > 0) f.steadyPersonsPerSecond = round((finishedOf(e.counts) - finishedOf(firstFinished.event.counts)) / seconds, 1);
    }
  }
  return f;
}

// ---------------------------------------------------------------- CPU profiles

/** The services' CPU profiles in `dir` (written when they exit), each summarised and printed. */
function readProfiles(dir: string, warn: (w: string) => void): RunReport['profiles'] {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  } catch {
    // none written
  }
  if (files.length === 0) {
    warn(`no CPU profiles in ${dir}`);
    return undefined;
  }
  const out: NonNullable<RunReport['profiles']> = {};
  for (const f of files) {
    const summary = hottestFunctions(join(dir, f), ROOT);
    const name = f.replace(/\.cpuprofile$/, '');
    out[name] = { ...summary, file: join(dir, f) };
    log(`CPU profile ${name}: ${summary.totalMs} ms sampled, ${summary.idlePercent} % idle; hottest by self time:`);
    for (const fn of summary.functions) log(`  ${String(fn.percent).padStart(5)} %  ${String(fn.selfMs).padStart(6)} ms  ${fn.where}`);
  }
  return out;
}

// ---------------------------------------------------------------- the probe

type Follower = Awaited<ReturnType<typeof followEvents>>;
const finishedOf = (c: Record<string, number>) => c.succeeded + c.skipped + c.failed + c.cancelled;

/**
 * Once the large job has finished its first 2 % of people, a 5-person `change-language` over the probe
 * people (Managers, outside the large job's filter): its publish → completed latency shows whether a
 * small job waits behind a large one.
 */
async function runProbe(
  kafka: Kafka,
  producer: Producer,
  topics: ReturnType<typeof topicsFor>,
  groupId: string,
  large: Follower,
  n: number,
  people: Collection<PersonDoc>,
  deadline: number,
): Promise<ProbeFigures> {
  const figures: ProbeFigures = { people: PROBE_IDS.length, end: 'timeout', verified: false };
  let largeFinished = 0;
  for (;;) {
    const last = [...large.events].reverse().find((e) => e.event.type !== 'accepted');
    if (last && last.event.type !== 'progress') return figures; // the large job ended first: no probe
    largeFinished = last?.event.type === 'progress' ? finishedOf(last.event.counts) : 0;
    if (largeFinished >= Math.max(1, n * 0.02)) break;
    if (Date.now() > deadline) return figures;
    await sleep(100);
  }
  figures.publishedAtLargeFinished = largeFinished;
  const commandId = `bench-probe-${randomUUID()}`;
  const follower = await followEvents(kafka, topics.events, groupId, commandId);
  try {
    const command: BatchCommand = {
      commandId,
      tenantId: TENANT,
      actor: { userId: 'owner' },
      action: 'change-language',
      params: { language: PROBE_LANGUAGE },
      selection: { userIds: PROBE_IDS },
    };
    const publishAt = Date.now();
    await producer.send({ topic: topics.commands, messages: [{ key: `${TENANT}:probe`, value: JSON.stringify(command) }] });
    const end = await follower.waitEnd(publishAt + PROBE_TIMEOUT_MS, () => false);
    if (end && end.event.type !== 'accepted' && end.event.type !== 'progress') {
      figures.end = end.event.type;
      figures.publishToEndMs = end.receivedAt - publishAt;
      if (end.event.type !== 'rejected') figures.counts = end.event.counts;
    }
    figures.verified = (await people.countDocuments({ tenantId: TENANT, userId: { $in: PROBE_IDS }, language: PROBE_LANGUAGE })) === PROBE_IDS.length;
    log(`probe: ${PROBE_IDS.length}-person job ${figures.end} in ${figures.publishToEndMs} ms (large job at ${largeFinished}/${n})`);
    return figures;
  } finally {
    await follower.consumer.disconnect().catch(() => undefined);
  }
}

// ---------------------------------------------------------------- one N

const live: { services: ServiceProcess[]; cleanups: (() => Promise<void>)[] } = { services: [], cleanups: [] };

async function runOne(n: number, chunkSize: number, p: Params, mongo: MongoClient, kafka: Kafka, logDir: string): Promise<RunReport> {
  const action = BENCH_ACTIONS[p.action];
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const topicPrefix = `bench${stamp}.`;
  const dbPrefix = `bench_${stamp}`;
  const topics = topicsFor(topicPrefix);
  const followerGroup = `${topicPrefix}bench.follower`;
  const serviceGroups = { identity: `${topicPrefix}cohort.identity`, orchestrator: `${topicPrefix}cohort.orchestrator` };
  const participantGroups = action.participants.map((name) => `${topicPrefix}cohort.${name}`);
  /** each work consumer's express-lane group (small jobs) */
  const expressGroups = [serviceGroups.identity, ...participantGroups].map((g) => `${g}.express`);
  const probeGroup = `${topicPrefix}bench.probe`;
  const people = mongo.db(`${dbPrefix}_identity`).collection<PersonDoc>('people');
  const baselinePeople = mongo.db(`${dbPrefix}_identity`).collection<PersonDoc>('people_baseline');
  const baselineN = Math.min(n, p.baselinePeople ?? n);
  const report: RunReport = {
    people: n,
    action: p.action,
    chunkSize,
    replicas: p.replicas,
    ok: false,
    tenantId: TENANT,
    topicPrefix,
    dbPrefix,
    seed: { ms: 0, docsPerSecond: 0 },
    startupMs: {},
    job: { end: 'timeout', progressEvents: 0, lagMax: { identityWork: 0, orchestratorResults: 0 } },
    memory: {},
    cpu: {},
    baseline: [],
    stop: {},
    warnings: [],
    logs: {},
  };
  const logFile = (name: string) => (report.logs[name] = join(logDir, `${name}-${n}-c${chunkSize}.log`));
  const warn = (w: string) => {
    report.warnings.push(w);
    log(`WARNING: ${w}`);
  };
  const admin = kafka.admin();
  let producer: Producer | undefined;
  let follower: Awaited<ReturnType<typeof followEvents>> | undefined;
  const services: ServiceProcess[] = [];
  const cleanup = async () => {
    for (const s of services) if (s.running) report.stop[s.name] = await s.stop();
    live.services = [];
    await follower?.consumer.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    if (p.keep) {
      log(`--keep: left topics ${topicPrefix}* and databases ${dbPrefix}_* in place`);
    } else {
      await admin
        .deleteGroups([followerGroup, probeGroup, serviceGroups.identity, serviceGroups.orchestrator, ...participantGroups, ...expressGroups])
        .catch(() => undefined);
      await deleteTopics(BROKERS, topicPrefix).catch((err: unknown) => warn(`could not delete topics ${topicPrefix}*: ${String(err)}`));
      const dropped = await dropDatabases(mongo, dbPrefix).catch((err: unknown) => {
        warn(`could not drop databases ${dbPrefix}_*: ${String(err)}`);
        return [];
      });
      log(`cleaned up: topics ${topicPrefix}*, databases ${dropped.join(', ')}`);
    }
    await admin.disconnect().catch(() => undefined);
  };
  live.cleanups.push(cleanup);
  try {
    await admin.connect();
    log(`N=${n}: topics ${topicPrefix}* (${PARTITIONS} partitions), databases ${dbPrefix}_*`);
    await createTopics(BROKERS, topicPrefix, PARTITIONS);

    // seed: the job's people, and a second copy for the baseline (same indexes, another collection)
    await createPeopleIndexes(people);
    await createPeopleIndexes(baselinePeople);
    const seedMs = (await seedPeople(people, TENANT, n, true)) + (await seedPeople(baselinePeople, TENANT, baselineN, false));
    await seedOwnersList(people, TENANT, ['owner']);
    // the probe's people: not Learners, so the large job's filter leaves them out
    await people.insertMany(PROBE_IDS.map((id) => personDoc(TENANT, id, { role: 'Manager' })));
    report.seed = { ms: seedMs, docsPerSecond: round(((2 * n + 1) / seedMs) * 1000, 1) };
    log(`seeded 2 × ${n} people in ${(seedMs / 1000).toFixed(1)} s (${report.seed.docsPerSecond} docs/s)`);

    // services: orchestrator, identity (× replicas), the saga's other participants
    const ports: Record<string, number> = {};
    for (const name of ['orchestrator', 'identity', 'membership', 'learning', 'communications']) ports[name] = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'production',
      ...benchSecrets(),
      HOST,
      KAFKA_BROKERS: BROKERS,
      MONGO_URL,
      MONGO_DB_PREFIX: dbPrefix,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name.toUpperCase()}_URL`, `http://${HOST}:${port}`])),
      LOG_LEVEL: p.logLevel,
      ORCH_CHUNK_SIZE: String(chunkSize),
      ORCH_WINDOW: String(p.window),
      COMMS_JOB_NOTICE_MIN: '0',
    };
    const start = (name: string, port: number) => {
      const profileDir = join(logDir, `profiles-${n}-c${chunkSize}`);
      const nodeArgs = p.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
      const proc = new ServiceProcess(name, port, logFile(name), ROOT, { ...env, PORT: String(port) }, nodeArgs);
      services.push(proc);
      return proc;
    };
    const identity = start('identity', ports.identity);
    const orchestrator = start('orchestrator', ports.orchestrator);
    for (let r = 2; r <= p.replicas; r++) start(`identity-${r}`, await freePort());
    for (const name of action.participants) start(name, ports[name]);
    live.services = services;
    const startup = await Promise.all(services.map((proc) => proc.waitHealthy()));
    services.forEach((proc, i) => (report.startupMs[proc.name] = startup[i]));
    const g0 = Date.now();
    await waitGroupsStable(admin, [serviceGroups.identity, serviceGroups.orchestrator, ...participantGroups, ...expressGroups]);
    report.startupMs.groupsStable = Date.now() - g0;
    // identity's first read after its start waits for the store to take in the seeding (on FerretDB, the
    // checkpoint of the seeded write-ahead log and identity's index check: ~0.8 s at 100,000 people):
    // a cold-start cost, not the job's, so it is paid and recorded here, before the publish
    const r0 = Date.now();
    const firstRead = await fetch(`http://${HOST}:${ports.identity}/internal/tenants/${TENANT}/people/owner`);
    if (!firstRead.ok) throw new Error(`identity's first read answered ${firstRead.status}`);
    report.startupMs.identityFirstRead = Date.now() - r0;
    log(`${services.map((proc) => `${proc.name} (pid ${proc.pid})`).join(', ')} healthy, consumer groups stable`);

    const commandId = `bench-${randomUUID()}`;
    follower = await followEvents(kafka, topics.events, followerGroup, commandId);
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();

    // samplers: RSS and CPU of the services (and of Kafka and the store when their pids are known), consumer lag
    const infraPids: Record<string, number | undefined> = { kafka: brokerPid(), store: storePid(MONGO_URL) };
    const sampleAll = () => Object.fromEntries(services.map((proc) => [proc.name, proc.sample()]));
    const before: Record<string, ProcSample | undefined> = sampleAll();
    const rssMax: Record<string, number> = Object.fromEntries(services.map((proc) => [proc.name, before[proc.name]?.rssMiB ?? 0]));
    const cpuStart: Record<string, ProcSample | undefined> = { ...before, kafka: readProc(infraPids.kafka), store: readProc(infraPids.store) };
    const benchCpu0 = process.cpuUsage();
    const machine0 = machineBusySeconds();
    report.loadAverage = { atPublish: os.loadavg() };
    const sampler = setInterval(() => {
      for (const proc of services) {
        const x = proc.sample();
        if (x) rssMax[proc.name] = Math.max(rssMax[proc.name], x.rssMiB);
      }
    }, SAMPLE_MS);
    const lagMax = { identityWork: 0, orchestratorResults: 0 };
    let lagNow = { identityWork: 0, orchestratorResults: 0 };
    let lagBusy = false;
    const lagSampler = setInterval(() => {
      if (lagBusy) return;
      lagBusy = true;
      void Promise.all([groupLag(admin, serviceGroups.identity, topics.identityWork), groupLag(admin, serviceGroups.orchestrator, topics.results)])
        .then(([w, r]) => {
          lagNow = { identityWork: w, orchestratorResults: r };
          lagMax.identityWork = Math.max(lagMax.identityWork, w);
          lagMax.orchestratorResults = Math.max(lagMax.orchestratorResults, r);
        })
        .catch(() => undefined)
        .finally(() => (lagBusy = false));
    }, LAG_MS);

    // the job
    const command: BatchCommand = {
      commandId,
      tenantId: TENANT,
      actor: { userId: 'owner' },
      action: p.action,
      params: action.params,
      selection: { filter: { roles: ['Learner'] } },
      ...(action.destructive && { options: { approvalCount: n } }),
    };
    const publishAt = Date.now();
    await producer.send({ topic: topics.commands, messages: [{ key: TENANT, value: JSON.stringify(command) }] });
    log(`published ${commandId}; following ${topics.events}`);
    const reporter = setInterval(() => {
      const last = [...follower!.events].reverse().find((e) => e.event.type === 'progress');
      const c = last?.event.type === 'progress' ? last.event : undefined;
      const done = c ? c.counts.succeeded + c.counts.skipped + c.counts.failed + c.counts.cancelled : 0;
      log(
        `N=${n} ${((Date.now() - publishAt) / 1000).toFixed(0)} s: ${c ? `finished ${done}/${c.total} (succeeded ${c.counts.succeeded}, failed ${c.counts.failed}, running ${c.counts.running}), rate ${c.ratePerSecond.toFixed(0)}/s` : `no progress yet (${follower!.events.length} events)`}` +
          `; RSS orchestrator ${mib(orchestrator.last?.rssMiB)} MiB, identity ${mib(identity.last?.rssMiB)} MiB; lag work ${lagNow.identityWork}, results ${lagNow.orchestratorResults}`,
      );
    }, REPORT_MS);
    const anyExited = () => services.some((proc) => !proc.running);
    const probe = p.probe ? runProbe(kafka, producer, topics, probeGroup, follower, n, people, publishAt + p.timeoutMin * 60_000) : undefined;
    const end = await follower.waitEnd(publishAt + p.timeoutMin * 60_000, anyExited);
    if (probe) report.probe = await probe;
    clearInterval(reporter);
    clearInterval(sampler);
    clearInterval(lagSampler);
    const after: Record<string, ProcSample | undefined> = sampleAll();
    const benchCpu = process.cpuUsage(benchCpu0);
    const cpuEnd: Record<string, ProcSample | undefined> = { ...after, kafka: readProc(infraPids.kafka), store: readProc(infraPids.store) };
    for (const k of Object.keys(cpuEnd)) {
      const a = cpuStart[k];
      const b = cpuEnd[k];
      if (a && b) report.cpu[k] = round(b.cpuSeconds - a.cpuSeconds, 2);
    }
    report.cpu.bench = round((benchCpu.user + benchCpu.system) / 1e6, 2);
    report.cpu.machine = round(machineBusySeconds() - machine0, 2);
    const known = [...services.map((proc) => proc.name), 'kafka', 'store', 'bench'].reduce((sum, k) => sum + (report.cpu[k] ?? 0), 0);
    if (report.cpu.kafka !== undefined && report.cpu.store !== undefined) report.cpu.other = Math.max(0, round(report.cpu.machine - known, 2));
    report.loadAverage.atEnd = os.loadavg();
    if (report.cpu.other > 0.1 * report.cpu.machine) {
      warn(`other processes used ${report.cpu.other} of the ${report.cpu.machine} busy CPU seconds during the job: the figures are perturbed`);
    }
    for (const proc of services) {
      report.memory[proc.name] = {
        rssBeforeMiB: mib(before[proc.name]?.rssMiB),
        rssMaxSampledMiB: mib(rssMax[proc.name]),
        peakMiB: mib((after[proc.name] ?? proc.last)?.peakMiB),
        cpuSeconds: report.cpu[proc.name] ?? NaN,
      };
    }
    const endKind: JobFigures['end'] = end ? (end.event.type as JobFigures['end']) : anyExited() ? 'service-exited' : 'timeout';
    report.job = jobFigures(follower.events, publishAt, n, lagMax, endKind);
    if (follower.invalid()) warn(`${follower.invalid()} event(s) on ${topics.events} failed the JobEvent schema`);
    if (endKind === 'service-exited')
      warn(`a service exited during the job: ${services.map((proc) => `${proc.name} ${proc.exitDescription}`).join(', ')}`);
    if (endKind === 'timeout') warn(`no end event within ${p.timeoutMin} min`);
    if (endKind !== 'completed') warn(`job ended as ${endKind}`);
    if (report.job.total !== undefined && report.job.total !== n) warn(`job total ${report.job.total} ≠ ${n} people seeded`);
    if (report.job.counts && report.job.counts.succeeded !== n) warn(`job counts ${JSON.stringify(report.job.counts)}: succeeded ≠ ${n}`);
    if (report.job.progressMaxGapMs !== undefined && report.job.progressMaxGapMs > 2000)
      warn(`progress events were ${report.job.progressMaxGapMs} ms apart at worst (expected about 1 s)`);

    // the job's documents, before anything is stopped
    const jobId = follower.jobId();
    const orchDb = mongo.db(`${dbPrefix}_orchestrator`);
    if (jobId) {
      report.jobDocument = await orchDb.collection<{ _id: string }>('jobs').findOne({ _id: jobId }, { projection: { selection: 0 } });
      const chunks = orchDb.collection('chunks');
      const [count, done, inflight] = await Promise.all([
        chunks.countDocuments({ jobId }),
        chunks.countDocuments({ jobId, done: true }),
        chunks.countDocuments({ jobId, inflight: { $type: 'object' } }),
      ]);
      report.chunkDocuments = { count, done, inflight };
    }
    if (endKind !== 'completed') {
      report.evidence = {
        events: follower.events.slice(-60).map((e) => ({ ...e.event, receivedAt: new Date(e.receivedAt).toISOString() })),
        eventCount: follower.events.length,
        orchestratorLogTail: orchestrator.tail(150),
        identityLogTail: identity.tail(80),
        otherLogTails: Object.fromEntries(
          services.filter((proc) => proc !== orchestrator && proc !== identity).map((proc) => [proc.name, proc.tail(40)]),
        ),
        lagAtEnd: lagNow,
      };
    }

    const filesAfterJob = sqliteFiles(dbPrefix);
    if (filesAfterJob) report.sqliteFiles = { afterJob: filesAfterJob };
    // stop the services, then check the people
    const stops = await Promise.all(services.map((proc) => proc.stop()));
    report.stop = Object.fromEntries(services.map((proc, i) => [proc.name, stops[i]]));
    if (p.cpuProf) report.profiles = readProfiles(join(logDir, `profiles-${n}-c${chunkSize}`), warn);
    live.services = [];
    log(
      `stopped: ${Object.entries(report.stop)
        .map(([name, st]) => `${name} ${JSON.stringify(st)}`)
        .join(', ')}`,
    );
    const expected = { ...action.after, v: 2 };
    report.verification = await verifyPeople(people, TENANT, n, expected, ['owner', ...PROBE_IDS]);
    if (!report.verification.ok) {
      warn(
        `!!! ${report.verification.mismatches} of ${n} people do not have ${JSON.stringify(expected)} (e.g. ${JSON.stringify(report.verification.examples.slice(0, 3))})`,
      );
    }
    const owner = await people.findOne({ _id: `${TENANT}:owner` });
    if (owner?.language !== 'en' || owner.v !== 1) warn(`the Owner (not selected) changed: language ${owner?.language}, v ${owner?.v}`);

    // raw store baseline on the second copy, with the services stopped: per concurrency, reads+writes then writes only
    let passes = 0;
    const measured = async (run: () => Promise<BaselineResult>, what: string): Promise<PassFigures> => {
      const at0 = { store: readProc(infraPids.store), kafka: readProc(infraPids.kafka), bench: process.cpuUsage(), machine: machineBusySeconds() };
      const result = await run();
      const cpu: Record<string, number> = { machine: round(machineBusySeconds() - at0.machine, 2) };
      const benchCpu = process.cpuUsage(at0.bench);
      cpu.bench = round((benchCpu.user + benchCpu.system) / 1e6, 2);
      for (const k of ['store', 'kafka'] as const) {
        const b = readProc(infraPids[k]);
        if (at0[k] && b) cpu[k] = round(b.cpuSeconds - at0[k].cpuSeconds, 2);
      }
      if (cpu.store !== undefined && cpu.kafka !== undefined) {
        cpu.other = Math.max(0, round(cpu.machine - cpu.store - cpu.kafka - cpu.bench, 2));
        if (cpu.other > 0.1 * cpu.machine)
          warn(`baseline ${what}: other processes used ${cpu.other} of the ${cpu.machine} busy CPU seconds: its figure is perturbed`);
      }
      return { ...result, cpu };
    };
    for (const concurrency of p.baselineConcurrency) {
      const pass = { chunkSize, concurrency };
      log(`baseline: reads+writes over ${baselineN} people (chunks of ${chunkSize}, ${concurrency} at a time) …`);
      const readsWrites = await measured(
        () =>
          baselinePass(baselinePeople, TENANT, baselineN, {
            ...pass,
            reads: true,
            language: BASELINE_LANGUAGES[passes % 2],
            opKey: `bench:${passes++}`,
          }),
        `reads+writes (${concurrency} at a time)`,
      );
      log(`baseline: writes only (chunks of ${chunkSize}, ${concurrency} at a time) …`);
      const writesOnly = await measured(
        () =>
          baselinePass(baselinePeople, TENANT, baselineN, {
            ...pass,
            reads: false,
            language: BASELINE_LANGUAGES[passes % 2],
            opKey: `bench:${passes++}`,
          }),
        `writes only (${concurrency} at a time)`,
      );
      if (readsWrites.found !== baselineN) warn(`baseline: the reads found ${readsWrites.found} of ${baselineN} people`);
      const figures: BaselineFigures = { concurrency, people: baselineN, readsWrites, writesOnly };
      if (report.job.personsPerSecond) {
        figures.ratioToReadsWrites = round(report.job.personsPerSecond / readsWrites.personsPerSecond, 3);
        figures.ratioToWritesOnly = round(report.job.personsPerSecond / writesOnly.personsPerSecond, 3);
      }
      report.baseline.push(figures);
      log(`baseline (${concurrency} at a time): reads+writes ${readsWrites.personsPerSecond}/s, writes only ${writesOnly.personsPerSecond}/s`);
    }
    if (report.sqliteFiles) report.sqliteFiles.afterBaseline = sqliteFiles(dbPrefix);
    if (passes) {
      report.baselineVerification = await verifyPeople(
        baselinePeople,
        TENANT,
        baselineN,
        { language: BASELINE_LANGUAGES[(passes - 1) % 2], v: 1 + passes },
        [],
      );
      if (!report.baselineVerification.ok)
        warn(`baseline: ${report.baselineVerification.mismatches} of ${baselineN} people were not written ${passes} times`);
    }
    const probeOk = !report.probe?.publishedAtLargeFinished || (report.probe.end === 'completed' && report.probe.verified);
    if (!probeOk) warn(`the probe job ended ${report.probe?.end}, verified ${report.probe?.verified}`);
    report.ok = endKind === 'completed' && report.verification.ok && report.job.counts?.succeeded === n && report.job.total === n && probeOk;
    log(`N=${n}: ${endKind} in ${((report.job.publishToEndMs ?? NaN) / 1000).toFixed(1)} s, ${report.job.personsPerSecond} persons/s`);
    return report;
  } catch (err) {
    warn(`run failed: ${(err as Error).stack ?? String(err)}`);
    report.evidence = {
      ...(report.evidence ?? {}),
      error: String((err as Error).stack ?? err),
      orchestratorLogTail: services.find((s) => s.name === 'orchestrator')?.tail(150),
      identityLogTail: services.find((s) => s.name === 'identity')?.tail(80),
    };
    return report;
  } finally {
    live.cleanups = live.cleanups.filter((c) => c !== cleanup);
    await cleanup();
  }
}

// ---------------------------------------------------------------- output

/** MiB of the -wal files among SQLite file sizes */
function walMiB(files: Record<string, number> | undefined): number | undefined {
  return files
    ? round(
        Object.entries(files).reduce((sum, [name, size]) => sum + (name.endsWith('-wal') ? size : 0), 0),
        1,
      )
    : undefined;
}

function table(runs: RunReport[], concurrencies: number[]): string {
  const s = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '–' : (x / 1000).toFixed(digits));
  const v = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : String(x));
  const perPerson = (cpuSeconds: number | undefined, n: number) => (cpuSeconds === undefined ? '–' : ((cpuSeconds * 1000) / n).toFixed(2));
  const rows: [string, (r: RunReport) => string][] = [
    ['job end', (r) => `${r.job.end}${r.ok ? '' : ' (!)'}`],
    ['persons/s (total ÷ publish→end)', (r) => v(r.job.personsPerSecond)],
    ['steady persons/s (1st finished→end)', (r) => v(r.job.steadyPersonsPerSecond)],
    ['publish → accepted s (emitted / received)', (r) => `${s(r.job.publishToAcceptedEmittedMs, 2)} / ${s(r.job.publishToAcceptedMs, 2)}`],
    ['publish → first progress s', (r) => s(r.job.publishToFirstProgressMs, 2)],
    ['publish → first finished s', (r) => s(r.job.publishToFirstFinishedMs, 2)],
    ['publish → whole selection known s', (r) => s(r.job.publishToTotalKnownMs, 1)],
    ['publish → completed s', (r) => s(r.job.publishToEndMs)],
    ['progress events', (r) => v(r.job.progressEvents)],
    ['progress max gap s (emitted / received)', (r) => `${s(r.job.progressMaxGapMs, 2)} / ${s(r.job.progressMaxGapReceivedMs, 2)}`],
    ['max lag: work / results (msgs)', (r) => `${r.job.lagMax.identityWork} / ${r.job.lagMax.orchestratorResults}`],
    [
      '5-person probe: publish → completed s (large job at)',
      (r) => (r.probe?.publishedAtLargeFinished ? `${s(r.probe.publishToEndMs, 2)} (${r.probe.publishedAtLargeFinished})` : '–'),
    ],
    ['orchestrator peak RSS MiB (before job)', (r) => `${v(r.memory.orchestrator?.peakMiB)} (${v(r.memory.orchestrator?.rssBeforeMiB)})`],
    ['identity peak RSS MiB (before job)', (r) => `${v(r.memory.identity?.peakMiB)} (${v(r.memory.identity?.rssBeforeMiB)})`],
    [
      'other services peak RSS MiB',
      (r) =>
        Object.entries(r.memory)
          .filter(([name]) => name !== 'orchestrator' && name !== 'identity')
          .map(([name, m]) => `${name} ${v(m.peakMiB)}`)
          .join(', ') || '–',
    ],
    ['CPU s: orch / identity / kafka / store', (r) => ['orchestrator', 'identity', 'kafka', 'store'].map((k) => v(r.cpu[k])).join(' / ')],
    [
      'CPU s: other services',
      (r) =>
        Object.keys(r.memory)
          .filter((name) => name !== 'orchestrator' && name !== 'identity')
          .map((name) => `${name} ${v(r.cpu[name])}`)
          .join(', ') || '–',
    ],
    ['CPU s: whole machine / other processes', (r) => `${v(r.cpu.machine)} / ${v(r.cpu.other)}`],
    ['job store CPU ms/person', (r) => perPerson(r.cpu.store, r.people)],
    ...concurrencies.flatMap((c): [string, (r: RunReport) => string][] => {
      const b = (r: RunReport) => r.baseline.find((x) => x.concurrency === c);
      return [
        [`baseline reads+writes persons/s (${c} chunk${c > 1 ? 's' : ''} at a time)`, (r) => v(b(r)?.readsWrites.personsPerSecond)],
        [`baseline writes only persons/s (${c} at a time)`, (r) => v(b(r)?.writesOnly.personsPerSecond)],
        [`ratio e2e ÷ baseline reads+writes / writes only (${c})`, (r) => `${v(b(r)?.ratioToReadsWrites)} / ${v(b(r)?.ratioToWritesOnly)}`],
        [
          `baseline store CPU ms/person: reads+writes / writes (${c})`,
          (r) =>
            `${perPerson(b(r)?.readsWrites.cpu.store, b(r)?.people ?? r.people)} / ${perPerson(b(r)?.writesOnly.cpu.store, b(r)?.people ?? r.people)}`,
        ],
      ];
    }),
    ['store WAL MiB after job / after baseline', (r) => `${v(walMiB(r.sqliteFiles?.afterJob))} / ${v(walMiB(r.sqliteFiles?.afterBaseline))}`],
    ['persons/s ÷ first chunk size of the sweep', (r) => v(r.ratioToFirstChunk)],
    ['verified (every person changed once)', (r) => (r.verification ? `${r.verification.matching}/${r.verification.expected}` : '–')],
    ['seed docs/s (insertMany 5,000)', (r) => v(r.seed.docsPerSecond)],
    ["identity's first read after start (before publish) s", (r) => s(r.startupMs.identityFirstRead, 2)],
  ];
  const head = [
    '',
    ...runs.map((r) => `N = ${r.people.toLocaleString('en')}, chunk ${r.chunkSize}${r.replicas > 1 ? `, ${r.replicas} identity` : ''}`),
  ];
  const body = rows.map(([label, f]) => [label, ...runs.map(f)]);
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------- main

let stopping = false;

async function main(): Promise<void> {
  const p = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: stopping the services and cleaning up …`);
      void Promise.all(live.services.map((s) => s.stop()))
        .then(() => Promise.all(live.cleanups.map((c) => c().catch(() => undefined))))
        .finally(() => process.exit(130));
    });
  }
  if (p.build) await build();
  const mongo = await MongoClient.connect(MONGO_URL);
  const kafka = new Kafka({ clientId: 'cohort-bench-engine', brokers: BROKERS.split(','), logLevel: logLevel.NOTHING });
  const logDir = mkdtempSync(join(os.tmpdir(), 'cohort-bench-engine-'));
  log(`service logs in ${logDir}`);
  const runs: RunReport[] = [];
  try {
    const store = await storeName(mongo);
    log(`store: ${store}; Kafka ${BROKERS}; ${os.cpus().length} CPUs; Node ${process.version}`);
    for (const n of p.people) {
      for (const chunkSize of p.chunkSizes) {
        if (stopping) break;
        const run = await runOne(n, chunkSize, p, mongo, kafka, logDir);
        const first = runs.find((r) => r.people === n && r.chunkSize === p.chunkSizes[0]);
        if (first?.job.personsPerSecond && run.job.personsPerSecond)
          run.ratioToFirstChunk = round(run.job.personsPerSecond / first.job.personsPerSecond, 2);
        runs.push(run);
      }
    }
    const out = table(runs, p.baselineConcurrency);
    process.stdout.write(
      `\n${p.action}, chunk ${p.chunkSizes.join('/')}, window ${p.window}, identity replicas ${p.replicas}, ${PARTITIONS} partitions, store ${store}, baseline concurrency ${p.baselineConcurrency.join(', ')}\n\n${out}\n\n`,
    );
    for (const r of runs) for (const w of r.warnings) process.stdout.write(`WARNING N=${r.people}: ${w.split('\n')[0]}\n`);
    if (p.write) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = join(
        RESULTS_DIR,
        `engine-${startedAt
          .toISOString()
          .replace(/:/g, '-')
          .replace(/\.\d+Z$/, 'Z')}.json`,
      );
      const report = {
        bench: 'engine',
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          memoryMiB: Math.round(os.totalmem() / 2 ** 20),
          node: process.version,
          platform: `${os.platform()} ${os.release()}`,
          store,
          kafka: BROKERS,
          loadAverageAtStart,
          loadAverageAtEnd: os.loadavg(),
        },
        params: {
          action: p.action,
          actionParams: BENCH_ACTIONS[p.action].params,
          selection: 'filter roles=[Learner]',
          people: p.people,
          chunkSizes: p.chunkSizes,
          identityReplicas: p.replicas,
          probe: p.probe ? `${PROBE_IDS.length}-person change-language once 2 % of the large job finished` : false,
          window: p.window,
          partitions: PARTITIONS,
          identityPartitionsConsumedConcurrently: 3,
          baselineConcurrency: p.baselineConcurrency,
          logLevel: p.logLevel,
          timeoutMin: p.timeoutMin,
          built: p.build,
        },
        runs,
        table: out.split('\n'),
      };
      writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
      log(`wrote ${file}`);
    }
    if (runs.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    await mongo.close().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  log(`failed: ${(err as Error).stack ?? String(err)}`);
  void Promise.all(live.services.map((s) => s.stop())).finally(() => process.exit(1));
});
