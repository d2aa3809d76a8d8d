/**
 * One chaos run: two jobs over a seeded tenant, run by the built services as separate processes on a
 * broker of the run's own, while each service is killed (kill -9) once and restarted, the broker is
 * killed and restarted once, and a second learning process joins and leaves its consumer group (two
 * rebalances with chunks in flight). Then every collection, the SMTP capture and the job counts are
 * compared with what the jobs must have done. See bench/chaos/README.md.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Admin, Kafka, logLevel, Producer } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { BatchCommand, topicsFor } from '@cohort/contracts';
import { createTopics } from '@cohort/testing/infra/kafka';
import { benchSecrets, freePort, HOST, ServiceProcess } from '../engine/processes';
import { dropDatabases } from '../engine/store';
import { PrivateBroker } from './broker';
import { groupsSettled, GroupView } from './groups';
import { chaosPlan, DisruptionKind, PlannedDisruption, seededRandom, serviceOf } from './plan';
import { databases, learnerId, managerId, seedTenant, OWNER } from './seed';
import {
  CaughtMail,
  Check,
  checkIdentity,
  checkJob,
  checkLearning,
  checkMail,
  checkNotifications,
  checkOutbox,
  Expected,
  JobSummary,
} from './verify';
import { JobProgress, ProgressPoller, ResultsWatch } from './watch';

const ROOT = resolve(__dirname, '../..');
const PARTITIONS = 6;
const SERVICES = ['orchestrator', 'identity', 'learning', 'communications'] as const;
type ServiceName = (typeof SERVICES)[number];
const HEALTHY_TIMEOUT_MS = 180_000;
/** every running job past this fraction with disruptions still pending: the rest no longer wait for settled groups */
const CATCH_UP_FRACTION = 0.7;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface ChaosParams {
  /** people the deactivate job covers */
  people: number;
  /** people the notification job (with an e-mail copy) covers */
  mailPeople: number;
  /** seed of the random points and pauses (printed, so a run can be replayed) */
  seed: number;
  chunk: number;
  window: number;
  /** COMMS_SEND_RATE of communications (e-mails/s; over it mail is deferred to the pump) */
  sendRate: number;
  /** the longest pause between a kill and the restart */
  restartDelayMaxMs: number;
  /** a second learning process joins and later leaves learning's consumer group */
  rebalance: boolean;
  /** false: the same jobs without any disruption (a baseline to compare the stalls with) */
  chaos: boolean;
  timeoutMin: number;
  build: boolean;
  keep: boolean;
  logLevel: LogLevel;
}

export type { DisruptionKind };

export interface DisruptionRecord extends PlannedDisruption {
  /** ms after the jobs were published */
  atMs?: number;
  /** finished / total of each job at that moment */
  progress?: Record<string, string>;
  /** the jobs not yet ended at that moment */
  runningJobs?: string[];
  /** kill → restart started (the pause) */
  downMs?: number;
  /** disruption → the process answered HTTP again (the broker a metadata request; the leaving replica exited) */
  answersMs?: number;
  /** disruption → its consumer groups stable again with the restarted (joined, remaining) members */
  readyMs?: number;
  /** disruption → first progress of a running job after it was ready again */
  resumedMs?: number;
  /** per job: the longest time without progress around it (ms), absent when the job had ended */
  stallMs?: Record<string, number>;
  note?: string;
}

export interface ChaosReport {
  ok: boolean;
  params: ChaosParams;
  machine: { cpus: number; memoryMiB: number; node: string; platform: string; loadAverageAtStart: number[]; loadAverageAtEnd?: number[] };
  startedAt: string;
  tenantId: string;
  dbPrefix: string;
  broker: string;
  seed: { ms: number; people: number; learners: number; outbox: number };
  jobs: Record<string, { jobId?: string; people: number; publishToEndMs?: number; summary?: JobSummary }>;
  disruptions: DisruptionRecord[];
  /** services that exited without being killed */
  unexpectedExits: string[];
  redeliveries: { resultsByService: Record<string, number>; repeatedDispatches: Record<string, number> };
  /** kafkajs "rebalancing" log lines of the learning processes */
  learningRebalanceLogLines: number;
  /** duplicates: messages beyond one per person; retransmissions: extra copies of the same message (see verify.ts checkMail) */
  mail: { caught: number; duplicates: number; retransmissions: number; retransmitted: string[] };
  checks: Check[];
  durationMs: number;
  logs: string;
  errors: string[];
}

/** Default number of notified people: a fifth of N, at least 100 and at most 10,000 (each is an e-mail MailDev keeps). */
export function defaultMailPeople(people: number): number {
  return Math.min(10_000, Math.max(100, Math.round(people / 5)));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function build(log: (line: string) => void): Promise<void> {
  log('building (npm run -s build) …');
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    child.once('error', fail);
    child.once('exit', (code, signal) => (code === 0 ? done() : fail(new Error(`build failed (${signal ?? `exit ${code}`})`))));
  });
}

/** Each group's state and members' client ids (undefined while the broker cannot answer). */
async function describeGroups(admin: Admin, groupIds: string[]): Promise<Map<string, GroupView> | undefined> {
  try {
    const { groups } = await admin.describeGroups(groupIds);
    return new Map(groups.map((g) => [g.groupId, { state: g.state, clientIds: g.members.map((m) => m.clientId) }]));
  } catch {
    return undefined;
  }
}

/**
 * Waits until every group holds exactly the processes of its service that run at that moment (see
 * groups.ts): asked again at each look, so a disruption that overlaps another still sees its wait end.
 */
async function waitGroupsSettled(admin: Admin, groupIds: string[], expectedFor: (groupId: string) => string[], timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: Map<string, GroupView> | undefined;
  for (;;) {
    last = (await describeGroups(admin, groupIds)) ?? last;
    if (last && groupsSettled(last, groupIds, expectedFor)) return;
    if (Date.now() > deadline) {
      const seen = groupIds.map(
        (g) => `${g}: ${last?.get(g)?.state ?? '?'} [${last?.get(g)?.clientIds.join(', ') ?? ''}] want [${expectedFor(g).join(', ')}]`,
      );
      throw new Error(`consumer groups not settled after ${timeoutMs / 1000} s: ${seen.join('; ')}`);
    }
    await sleep(250);
  }
}

/** Every e-mail MailDev holds (its REST API lists them all). */
async function allMail(webUrl: string): Promise<CaughtMail[]> {
  const res = await fetch(`${webUrl}/email`);
  if (!res.ok) throw new Error(`MailDev GET /email: ${res.status}`);
  return (await res.json()) as CaughtMail[];
}

async function deleteMail(webUrl: string, ids: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < ids.length) await fetch(`${webUrl}/email/${ids[next++]}`, { method: 'DELETE' }).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** The chaos run's processes, so that an interrupted run can stop them. */
export const live: { cleanup?: () => Promise<void> } = {};

export async function runChaos(p: ChaosParams, log: (line: string) => void): Promise<ChaosReport> {
  const t0 = Date.now();
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const tenantId = `chaos-${stamp}`;
  const dbPrefix = `chaos_${stamp}`;
  const topicPrefix = `chaos${stamp}.`;
  const topics = topicsFor(topicPrefix);
  const workDir = mkdtempSync(join(os.tmpdir(), 'cohort-chaos-'));
  const mongoUrl = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27018/';
  const smtpUrl = process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025';
  const smtpWebUrl = process.env.SMTP_WEB_URL ?? 'http://127.0.0.1:1080';
  const random = seededRandom(p.seed);
  const report: ChaosReport = {
    ok: false,
    params: p,
    machine: {
      cpus: os.cpus().length,
      memoryMiB: Math.round(os.totalmem() / 2 ** 20),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: os.loadavg(),
    },
    startedAt: new Date().toISOString(),
    tenantId,
    dbPrefix,
    broker: '',
    seed: { ms: 0, people: 0, learners: 0, outbox: 0 },
    jobs: {},
    disruptions: [],
    unexpectedExits: [],
    redeliveries: { resultsByService: {}, repeatedDispatches: {} },
    learningRebalanceLogLines: 0,
    mail: { caught: 0, duplicates: 0, retransmissions: 0, retransmitted: [] },
    checks: [],
    durationMs: 0,
    logs: workDir,
    errors: [],
  };

  if (p.build) await build(log);
  const mongo = await MongoClient.connect(mongoUrl);
  let broker: PrivateBroker | undefined;
  let kafka: Kafka | undefined;
  let admin: Admin | undefined;
  let producer: Producer | undefined;
  let poller: ProgressPoller | undefined;
  let results: ResultsWatch | undefined;
  const services = new Map<string, ServiceProcess>();
  /** each process's own Kafka client id: how the consumer groups' members are told apart */
  const clientIds = new Map<ServiceProcess, string>();
  let instances = 0;
  const killed = new Set<ServiceProcess>();
  let myMail: string[] = [];
  /** set once cleanup has begun: the exits it causes are not restarted */
  let stopping = false;
  const cleanup = async () => {
    stopping = true;
    poller?.stop();
    await Promise.all([...services.values()].map((s) => s.stop().catch(() => undefined)));
    await results?.stop();
    await producer?.disconnect().catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
    await broker?.stop(p.keep).catch((err: unknown) => report.errors.push(`broker stop: ${String(err)}`));
    if (!p.keep) {
      await dropDatabases(mongo, dbPrefix).catch((err: unknown) => report.errors.push(`drop databases: ${String(err)}`));
      await deleteMail(smtpWebUrl, myMail);
      rmSync(join(workDir, 'kafka'), { recursive: true, force: true });
    }
    await mongo.close().catch(() => undefined);
    live.cleanup = undefined;
  };
  live.cleanup = cleanup;

  try {
    // a broker of the run's own, on free ports: it is the one that gets restarted
    broker = await PrivateBroker.start(join(workDir, 'kafka'), `kafka-chaos-${stamp}`);
    report.broker = broker.brokers;
    log(`private broker ${broker.brokers} (pid ${broker.pid}), data in ${broker.dir}, log ${broker.logFile}`);
    await createTopics(broker.brokers, topicPrefix, PARTITIONS);
    kafka = new Kafka({ clientId: 'chaos', brokers: [broker.brokers], logLevel: logLevel.NOTHING, retry: { retries: 20, maxRetryTime: 5000 } });
    admin = kafka.admin();
    await admin.connect();

    const seeded = await seedTenant(mongo, dbPrefix, tenantId, p.people, p.mailPeople);
    report.seed = { ms: seeded.ms, people: seeded.people, learners: seeded.learners, outbox: seeded.outbox };
    log(
      `seeded tenant ${tenantId}: ${seeded.people} people, ${seeded.learners} learning records, ${seeded.outbox} outbox messages in ${(seeded.ms / 1000).toFixed(1)} s (databases ${dbPrefix}_*)`,
    );

    const ports: Record<string, number> = {};
    for (const name of [...SERVICES, 'membership']) ports[name] = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'production',
      ...benchSecrets(),
      HOST,
      KAFKA_BROKERS: broker.brokers,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      MONGO_URL: mongoUrl,
      MONGO_DB_PREFIX: dbPrefix,
      SMTP_URL: smtpUrl,
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [`${name.toUpperCase()}_URL`, `http://${HOST}:${port}`])),
      LOG_LEVEL: p.logLevel,
      ORCH_CHUNK_SIZE: String(p.chunk),
      ORCH_WINDOW: String(p.window),
      COMMS_SEND_RATE: String(p.sendRate),
      COMMS_JOB_NOTICE_MIN: '0',
    };
    const start = (name: string, port: number) => {
      const clientId = `chaos-${name}-i${++instances}`;
      const proc = new ServiceProcess(name, port, join(workDir, `${name}.log`), ROOT, { ...env, PORT: String(port), KAFKA_CLIENT_ID: clientId });
      services.set(name, proc);
      clientIds.set(proc, clientId);
      return proc;
    };
    for (const name of SERVICES) start(name, ports[name]);
    await Promise.all([...services.values()].map((s) => s.waitHealthy(HEALTHY_TIMEOUT_MS)));
    const groupsOf = (service: string) =>
      service === 'orchestrator'
        ? [`${topicPrefix}cohort.orchestrator`]
        : [`${topicPrefix}cohort.${service}`, `${topicPrefix}cohort.${service}.express`];
    const allGroups = SERVICES.flatMap(groupsOf);
    // the client ids of the processes of a group's service that run now
    const expectedFor = (groupId: string) => {
      const service = groupId.slice(`${topicPrefix}cohort.`.length).replace(/\.express$/, '');
      return [...services.values()].filter((s) => s.running && serviceOf(s.name) === service).map((s) => clientIds.get(s)!);
    };
    await waitGroupsSettled(admin, allGroups, expectedFor);
    log(`${[...services.values()].map((s) => `${s.name} (pid ${s.pid})`).join(', ')} healthy, consumer groups stable; logs in ${workDir}`);

    // the two jobs
    const mailSubject = `Chaos ${stamp}: your account changes`;
    const deactivate = new JobProgress('deactivate', `chaos-deactivate-${randomUUID()}`, p.people);
    const notify = new JobProgress('notify', `chaos-notify-${randomUUID()}`, p.mailPeople);
    const jobs = [deactivate, notify];
    poller = new ProgressPoller(databases(mongo, dbPrefix).orchestrator, tenantId, jobs);
    results = new ResultsWatch(kafka, topics.results, `${topicPrefix}chaos.results`, () => jobs.flatMap((j) => (j.jobId ? [j.jobId] : [])));
    await results.start();
    producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const commands: BatchCommand[] = [
      {
        commandId: deactivate.commandId,
        tenantId,
        actor: { userId: OWNER },
        action: 'deactivate',
        params: {},
        selection: { filter: { roles: ['Learner'] } },
        options: { approvalCount: p.people },
      },
      {
        commandId: notify.commandId,
        tenantId,
        actor: { userId: OWNER },
        action: 'send-notification',
        params: { subject: mailSubject, body: 'Your account changes today: read this before you sign in again.', email: true },
        selection: { filter: { roles: ['Manager'] } },
      },
    ];
    const publishAt = Date.now();
    await producer.send({ topic: topics.commands, messages: commands.map((c) => ({ key: tenantId, value: JSON.stringify(c) })) });
    poller.start();
    log(`published deactivate (${p.people} Learners) and send-notification with e-mail (${p.mailPeople} Managers)`);

    // the plan: each disruption at a random fraction of its job's progress, carried out one after the other
    const plan: DisruptionRecord[] = p.chaos ? chaosPlan(random, p.rebalance) : [];
    const joins = plan.find((d) => d.kind === 'join');
    const leave = plan.find((d) => d.kind === 'leave');
    log(`plan (seed ${p.seed}): ${plan.map((d) => `${d.what} at ${(d.trigger.fraction * 100).toFixed(1)} % of ${d.trigger.job}`).join('; ')}`);
    const byLabel = new Map(jobs.map((j) => [j.label, j]));
    const progressText = () =>
      Object.fromEntries(jobs.map((j) => [j.label, `${j.last?.finished ?? 0}/${j.expected}${j.ended ? ` ${j.last?.status}` : ''}`]));
    const deadline = publishAt + p.timeoutMin * 60_000;
    const pending = [...plan];

    const watchExits = () => {
      if (stopping) return;
      for (const [name, s] of services) {
        if (!s.running && !killed.has(s)) {
          report.unexpectedExits.push(`${name} ${s.exitDescription}`);
          log(`WARNING: ${name} exited by itself (${s.exitDescription}); restarting it. Log: ${s.logFile}`);
          killed.add(s);
          if (name === 'learning-2') services.delete(name);
          else start(name, s.port);
        }
      }
    };

    const runDisruption = async (d: DisruptionRecord) => {
      const at = Date.now();
      d.atMs = at - publishAt;
      d.progress = progressText();
      d.runningJobs = jobs.filter((j) => !j.ended).map((j) => j.label);
      log(
        `>>> ${d.what} (${Object.entries(d.progress)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`,
      );
      const kafkaAdmin = admin!;
      const affected = d.kind === 'broker' ? allGroups : groupsOf(d.kind === 'kill' ? d.what.replace('kill -9 ', '') : 'learning');
      if (d.kind === 'kill') {
        const name = d.what.replace('kill -9 ', '') as ServiceName;
        const victim = services.get(name)!;
        killed.add(victim);
        await victim.kill();
        const pause = Math.round(random() * p.restartDelayMaxMs);
        await sleep(pause);
        d.downMs = Date.now() - at;
        await start(name, victim.port).waitHealthy(HEALTHY_TIMEOUT_MS);
      } else if (d.kind === 'broker') {
        await broker!.kill();
        const pause = Math.round(random() * p.restartDelayMaxMs);
        await sleep(pause);
        d.downMs = Date.now() - at;
        await broker!.up();
      } else if (d.kind === 'join') {
        await start('learning-2', await freePort()).waitHealthy(HEALTHY_TIMEOUT_MS);
      } else {
        const second = services.get('learning-2');
        if (second) {
          killed.add(second);
          const stopped = await second.stop(30_000);
          d.note = `${d.note ? `${d.note}; ` : ''}SIGTERM: ${stopped.signal === 'SIGTERM' ? `exited in ${(stopped.ms / 1000).toFixed(1)} s` : `still running after 30 s, killed (${stopped.exit})`}`;
          services.delete('learning-2');
        }
      }
      d.answersMs = Date.now() - at;
      // back: the killed member gone, the restarted (joined) one there, the one that left gone — and nobody else
      await waitGroupsSettled(kafkaAdmin, affected, expectedFor);
      const ready = Date.now();
      d.readyMs = ready - at;
      log(
        `<<< ${d.what}: answering after ${(d.answersMs / 1000).toFixed(1)} s, back in its consumer groups after ${(d.readyMs / 1000).toFixed(1)} s`,
      );
    };

    // one disruption at a time: the next once the last one's consumer groups are stable again (but see nearEnd)
    const inFlight = new Set<Promise<void>>();
    let lastLaunched: DisruptionRecord | undefined;
    const launch = (d: DisruptionRecord) => {
      pending.splice(pending.indexOf(d), 1);
      report.disruptions.push(d);
      const task: Promise<void> = runDisruption(d)
        .catch((err: unknown) => {
          d.note = `${d.note ? `${d.note}; ` : ''}failed: ${String(err)}`;
          report.errors.push(`${d.what}: ${String(err)}`);
        })
        .finally(() => {
          inFlight.delete(task);
        });
      inFlight.add(task);
    };
    // near the jobs' end with disruptions still to come (a fast machine, slow recoveries), the rest follow
    // each other without waiting for the groups to settle: a disruption after the jobs ended tests nothing
    const nearEnd = () => jobs.filter((j) => !j.ended).every((j) => j.fraction >= CATCH_UP_FRACTION);
    while (!stopping && !jobs.every((j) => j.ended) && Date.now() < deadline) {
      watchExits();
      const catchUp = pending.length > 0 && nearEnd();
      // catching up: the next one as soon as the last one's process answers again, not once its groups settle
      const free = inFlight.size === 0 || (catchUp && lastLaunched?.answersMs !== undefined);
      const next = pending
        .filter(() => free)
        .filter((d) => d !== leave || joins?.readyMs !== undefined)
        .filter((d) => {
          const job = byLabel.get(d.trigger.job)!;
          return catchUp || job.ended || job.fraction >= d.trigger.fraction;
        })
        .sort((a, b) => a.trigger.fraction - b.trigger.fraction)[0];
      if (next) {
        const overlapped = inFlight.size > 0;
        if (overlapped) {
          next.note = `overlapped: started while ${inFlight.size} other disruption(s) settled, the jobs being past ${CATCH_UP_FRACTION * 100} %`;
          log(`catching up: ${next.what} now, the jobs near their end`);
        }
        lastLaunched = next;
        launch(next);
      }
      await sleep(100);
    }
    await Promise.all([...inFlight]);
    // what the jobs did not leave time for (they ended first) is not carried out, and the run says so
    for (const d of pending.splice(0)) {
      d.note = 'not carried out: the jobs had ended';
      report.disruptions.push(d);
    }
    poller.stop();
    const now = Date.now();
    for (const d of report.disruptions) {
      if (d.atMs === undefined || d.readyMs === undefined) continue;
      const from = publishAt + d.atMs;
      d.stallMs = {};
      for (const j of jobs) {
        const s = j.stallAround(from, from + d.readyMs, publishAt, now);
        if (s !== undefined) d.stallMs[j.label] = s;
      }
      const again = jobs.flatMap((j) =>
        j.rises
          .filter(([t]) => t > from + d.readyMs!)
          .slice(0, 1)
          .map(([t]) => t),
      );
      if (again.length) d.resumedMs = Math.min(...again) - from;
      log(
        `stall around "${d.what}": ${
          Object.entries(d.stallMs)
            .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s without progress`)
            .join(', ') || 'no job running'
        }`,
      );
    }
    for (const j of jobs) {
      report.jobs[j.label] = { jobId: j.jobId, people: j.expected, ...(j.endedAt && { publishToEndMs: j.endedAt - publishAt }) };
      log(
        `${j.label}: ${j.last?.status ?? 'no job'} ${j.last?.finished ?? 0}/${j.expected}${j.endedAt ? ` after ${((j.endedAt - publishAt) / 1000).toFixed(1)} s` : ''}`,
      );
    }
    if (!jobs.every((j) => j.ended)) report.errors.push(`jobs not ended within ${p.timeoutMin} min: ${JSON.stringify(progressText())}`);

    // the completion notices go out after the end events: wait for both (and every copy) to be in MailDev
    const expectedMail = p.mailPeople + 2;
    const mailDeadline = Date.now() + 120_000;
    let mine: CaughtMail[] = [];
    for (;;) {
      mine = (await allMail(smtpWebUrl)).filter((m) => m.to.some((t) => t.address?.endsWith(`@${tenantId}.test`)));
      if (mine.length >= expectedMail || Date.now() > mailDeadline || !jobs.every((j) => j.ended)) break;
      await sleep(1000);
    }
    await sleep(3000); // a late duplicate would arrive now
    mine = (await allMail(smtpWebUrl)).filter((m) => m.to.some((t) => t.address?.endsWith(`@${tenantId}.test`)));
    myMail = mine.map((m) => m.id);
    report.redeliveries = { resultsByService: results.results, repeatedDispatches: results.repeats };
    report.learningRebalanceLogLines = ['learning.log', 'learning-2.log'].reduce((sum, f) => sum + countLines(join(workDir, f), /rebalanc/i), 0);

    // the verdict
    const dbs = databases(mongo, dbPrefix);
    const learnerIds = Array.from({ length: p.people }, (_, i) => learnerId(i));
    const managerIds = Array.from({ length: p.mailPeople }, (_, i) => managerId(i));
    if (deactivate.jobId && notify.jobId) {
      const expected: Expected = {
        tenantId,
        n: p.people,
        m: p.mailPeople,
        learnerIds,
        managerIds,
        deactivateJobId: deactivate.jobId,
        notifyJobId: notify.jobId,
        mailSubject,
        seededAt: seeded.at,
      };
      const d = await checkJob(dbs.orchestrator, 'deactivate', deactivate.jobId, learnerIds);
      const n = await checkJob(dbs.orchestrator, 'send-notification', notify.jobId, managerIds);
      report.jobs.deactivate.summary = d.summary;
      report.jobs.notify.summary = n.summary;
      const mail = checkMail(mine, expected);
      report.mail = { caught: mine.length, duplicates: mail.duplicates, retransmissions: mail.retransmissions, retransmitted: mail.retransmitted };
      report.checks = [
        d.check,
        n.check,
        await checkIdentity(dbs.identity, expected),
        await checkLearning(dbs.learning, expected),
        await checkOutbox(dbs.communications, expected),
        await checkNotifications(dbs.communications, expected),
        mail.check,
      ];
    } else report.errors.push('a job was never accepted');
    const allDisrupted = report.disruptions.every((d) => d.runningJobs?.length);
    if (!allDisrupted) report.errors.push('not every disruption happened while a job was running');
    report.ok = report.errors.length === 0 && report.unexpectedExits.length === 0 && report.checks.length > 0 && report.checks.every((c) => c.ok);
  } catch (err) {
    report.errors.push((err as Error).stack ?? String(err));
  } finally {
    report.machine.loadAverageAtEnd = os.loadavg();
    await cleanup();
    report.durationMs = Date.now() - t0;
  }
  return report;
}

function countLines(file: string, pattern: RegExp): number {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => pattern.test(line)).length;
  } catch {
    return 0;
  }
}
