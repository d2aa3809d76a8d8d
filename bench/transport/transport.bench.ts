/**
 * KafkaBatchTransport (ours) against @nestjs/microservices' Transport.KAFKA (built-in) on the same work.
 *
 *   npx tsx bench/transport/transport.bench.ts [--messages N] [--work-ms W[,W…]] [--concurrency C]
 *       [--producer publisher|plain] [--transports ours,builtin] [--repeat R] [--cpu-prof DIR] [--no-write]
 *
 * See bench/transport/README.md for what is measured and how the two transports differ.
 */
import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Admin, Consumer, Kafka, logLevel } from 'kafkajs';
import { BenchCase, ChildMessage, ChildStats, indexOfKey, KafkaActivity, ParentMessage, ProducerKind, TransportName, workChunk } from './shared';

interface Params {
  messages: number;
  workMs: number[];
  partitions: number;
  partitionsConsumedConcurrently: number;
  producer: ProducerKind;
  transports: TransportName[];
  write: boolean;
  /** run every case this many times (alternating which transport goes first) and report medians */
  repeat: number;
  /** write a V8 CPU profile of each service process to this directory */
  cpuProfDir?: string;
}

interface CaseResult {
  transport: TransportName;
  workMs: number;
  repetition: number;
  completed: boolean;
  results: number;
  duplicates: number;
  /** consumer start (just before app.listen()) → the N-th distinct result seen */
  wallMs: number;
  messagesPerSecond: number;
  /** app.listen() resolved (consumer connected, subscribed, running) */
  listenMs: number;
  /** consumer start → first result seen: group join, first fetch, first handled message */
  firstResultMs: number;
  /** first → last result: throughput once running */
  steadyMessagesPerSecond: number;
  cpuMs: number;
  cpuMsPer1kMessages: number;
  child: ChildStats | null;
  topics: { results: string };
  groupId: string;
}

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const CHILD = resolve(__dirname, 'service.ts');
const RESULTS_DIR = resolve(__dirname, '../results');
const MB = 1024 * 1024;

function parseArgs(argv: string[]): Params {
  const p: Params = {
    messages: 20_000,
    workMs: [0, 5],
    partitions: 6,
    partitionsConsumedConcurrently: 3,
    producer: 'publisher',
    transports: ['ours', 'builtin'],
    write: true,
    repeat: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--messages':
        p.messages = positiveInt(value(), flag);
        break;
      case '--work-ms':
        p.workMs = value()
          .split(',')
          .map((w) => nonNegative(w, flag));
        break;
      case '--concurrency':
        p.partitionsConsumedConcurrently = positiveInt(value(), flag);
        break;
      case '--partitions':
        p.partitions = positiveInt(value(), flag);
        break;
      case '--producer': {
        const v = value();
        if (v !== 'publisher' && v !== 'plain') throw new Error('--producer publisher|plain');
        p.producer = v;
        break;
      }
      case '--transports':
        p.transports = value().split(',') as TransportName[];
        if (!p.transports.every((t) => t === 'ours' || t === 'builtin')) throw new Error('--transports ours,builtin');
        break;
      case '--repeat':
        p.repeat = positiveInt(value(), flag);
        break;
      case '--cpu-prof':
        p.cpuProfDir = resolve(value());
        break;
      case '--no-write':
        p.write = false;
        break;
      case '--help':
      case '-h':
        process.stdout.write(
          'npx tsx bench/transport/transport.bench.ts [--messages N] [--work-ms W[,W…]] [--concurrency C] [--partitions P] [--producer publisher|plain] [--transports ours,builtin] [--repeat R] [--cpu-prof DIR] [--no-write]\n',
        );
        process.exit(0);
      // falls through (never: exit above)
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  return p;
}

function positiveInt(v: string | undefined, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer`);
  return n;
}

function nonNegative(v: string | undefined, flag: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs numbers >= 0`);
  return n;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function produceInput(kafka: Kafka, topic: string, n: number): Promise<{ ms: number; bytes: number }> {
  // idempotent: a retried send (e.g. "not the leader" just after the topic was created) must not
  // write a chunk twice, or every case would handle more than N messages
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const t0 = Date.now();
  let bytes = 0;
  try {
    const BATCH = 1000;
    for (let i = 0; i < n; i += BATCH) {
      const messages = [];
      for (let j = i; j < Math.min(n, i + BATCH); j++) {
        const m = workChunk(j);
        bytes += m.value.length;
        messages.push(m);
      }
      await producer.send({ topic, acks: -1, messages });
    }
  } finally {
    await producer.disconnect();
  }
  return { ms: Date.now() - t0, bytes };
}

/** Counts distinct results on a topic; resolves `done` at the N-th distinct one. */
async function startCounter(kafka: Kafka, topic: string, groupId: string, n: number) {
  const seen = new Uint8Array(n);
  const state = { distinct: 0, duplicates: 0, firstAt: 0, lastAt: 0 };
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  const consumer: Consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  const joined = new Promise<void>((r) => consumer.on(consumer.events.GROUP_JOIN, () => r()));
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      if (!state.firstAt) state.firstAt = now;
      for (const m of batch.messages) {
        const i = indexOfKey(m.key!.toString());
        if (seen[i]) state.duplicates++;
        else {
          seen[i] = 1;
          if (++state.distinct === n) {
            state.lastAt = now;
            finish();
          }
        }
      }
    },
  });
  await joined;
  return { consumer, state, done };
}

function waitFor<T extends ChildMessage['type']>(child: ChildProcess, type: T, timeoutMs: number): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => cleanup(new Error(`service process: no '${type}' within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: ChildMessage) => {
      if (m.type === type) cleanup(undefined, m as Extract<ChildMessage, { type: T }>);
      else if (m.type === 'error') cleanup(new Error(`service process failed: ${m.error}`));
    };
    const onExit = (code: number | null) => cleanup(new Error(`service process exited (${code}) before '${type}'`));
    function cleanup(err?: Error, m?: Extract<ChildMessage, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

let liveChild: ChildProcess | undefined;

async function runCase(kafka: Kafka, c: BenchCase, n: number, cpuProfDir?: string): Promise<CaseResult> {
  const counter = await startCounter(kafka, c.resultsTopic, `${c.groupId}-counter`, n);
  // process.execArgv carries tsx's loader, so the child runs service.ts like this file
  const execArgv = cpuProfDir
    ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, `--cpu-prof-name=${c.transport}-w${c.workMs}.cpuprofile`]
    : process.execArgv;
  const child = fork(CHILD, [], { execArgv, env: { ...process.env, BENCH_CASE: JSON.stringify(c) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  liveChild = child;
  const tell = (m: ParentMessage) => child.send(m);
  // generous: 1 ms of publishing per message on top of the simulated work, spread over the concurrent partitions, x4
  const budgetMs = Math.max(90_000, (4 * n * (c.workMs + 1)) / c.partitionsConsumedConcurrently);
  let child_: ChildStats | null = null;
  let completed = false;
  let startAt = 0;
  let listenAt = 0;
  try {
    await waitFor(child, 'initialised', 60_000);
    const starting = waitFor(child, 'starting', 10_000);
    const listening = waitFor(child, 'listening', 60_000);
    tell({ type: 'start' });
    startAt = (await starting).t;
    listenAt = (await listening).t;
    completed = await Promise.race([counter.done.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), budgetMs).unref())]);
    if (!completed) log(`${c.transport} W=${c.workMs}: gave up after ${budgetMs} ms with ${counter.state.distinct}/${n} results`);
    const stats = waitFor(child, 'stats', 30_000);
    tell({ type: 'stop' });
    child_ = (await stats).stats;
    await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    liveChild = undefined;
    await counter.consumer.disconnect().catch(() => undefined);
  }
  const { state } = counter;
  const endAt = completed ? state.lastAt : Date.now();
  const wallMs = endAt - startAt;
  const cpuMs = child_ ? child_.cpuUserMs + child_.cpuSystemMs : NaN;
  return {
    transport: c.transport,
    workMs: c.workMs,
    repetition: c.repetition,
    completed,
    results: state.distinct,
    duplicates: state.duplicates,
    wallMs,
    messagesPerSecond: round((state.distinct / wallMs) * 1000, 1),
    listenMs: listenAt - startAt,
    firstResultMs: state.firstAt ? state.firstAt - startAt : NaN,
    steadyMessagesPerSecond: state.firstAt && endAt > state.firstAt ? round(((state.distinct - 1) / (endAt - state.firstAt)) * 1000, 1) : NaN,
    cpuMs: round(cpuMs, 0),
    cpuMsPer1kMessages: round((cpuMs / state.distinct) * 1000, 1),
    child: child_,
    topics: { results: c.resultsTopic },
    groupId: c.groupId,
  };
}

function median(xs: number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Medians (over repetitions) of one transport at one W. */
function summarise(transport: TransportName, workMs: number, runs: CaseResult[]) {
  const m = (f: (r: CaseResult) => number) => median(runs.map(f));
  const mps = runs.map((r) => r.messagesPerSecond);
  return {
    transport,
    workMs,
    runs: runs.length,
    completed: runs.every((r) => r.completed),
    results: Math.min(...runs.map((r) => r.results)),
    duplicates: runs.reduce((n, r) => n + r.duplicates, 0),
    wallMs: m((r) => r.wallMs),
    messagesPerSecond: round(
      m((r) => r.messagesPerSecond),
      1,
    ),
    messagesPerSecondMin: Math.min(...mps),
    messagesPerSecondMax: Math.max(...mps),
    steadyMessagesPerSecond: round(
      m((r) => r.steadyMessagesPerSecond),
      1,
    ),
    firstResultMs: m((r) => r.firstResultMs),
    maxRssBytes: m((r) => r.child?.maxRssBytes ?? NaN),
    rssBeforeStartBytes: m((r) => r.child?.rssBeforeStartBytes ?? NaN),
    cpuMsPer1kMessages: round(
      m((r) => r.cpuMsPer1kMessages),
      1,
    ),
  };
}

function describeActivity(a: KafkaActivity): string {
  const requests = (rs: KafkaActivity['consumerRequests']) =>
    Object.entries(rs)
      .sort(([, x], [, y]) => y.count - x.count)
      .map(([api, r]) => `${api} ${r.count}x ${(r.totalMs / r.count).toFixed(1)}ms`)
      .join(', ');
  return `batches ${a.batches} (avg ${(a.batchMessages / Math.max(1, a.batches)).toFixed(0)} msgs); consumer: ${requests(a.consumerRequests)}; publisher: ${requests(a.producerRequests) || '-'}`;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function ratio(a: number, b: number): number {
  return b ? round(a / b, 3) : NaN;
}

/** A text table; the first `textColumns` columns are aligned left, the others (numbers) right. */
function table(rows: string[][], textColumns = 1): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i < textColumns ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function deleteEverything(admin: Admin, topics: string[], groups: string[]): Promise<void> {
  if (groups.length) await admin.deleteGroups(groups).catch((err: unknown) => log(`could not delete consumer groups: ${String(err)}`));
  if (topics.length)
    await admin
      .deleteTopics({ topics, timeout: 30_000 })
      .catch((err: unknown) => log(`could not delete topics ${topics.join(', ')}: ${String(err)}`));
}

async function main(): Promise<void> {
  const params = parseArgs(process.argv.slice(2));
  const runId = `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const prefix = `bench.transport.${runId}`;
  const kafka = new Kafka({ clientId: `bench-transport-${runId}`, brokers: BROKERS, logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();

  const inputTopic = `${prefix}.work`;
  // which transport goes first alternates (ABBA) over W values and repetitions, so slow drift on a
  // shared machine does not favour one of them
  const cases: BenchCase[] = Array.from({ length: params.repeat }, (_, repetition) =>
    params.workMs.flatMap((workMs, k) => {
      const order = (k + repetition) % 2 === 0 ? params.transports : [...params.transports].reverse();
      return order.map((transport) => {
        const id = `${transport}.w${workMs}${params.repeat > 1 ? `.r${repetition + 1}` : ''}`;
        return {
          transport,
          brokers: BROKERS,
          inputTopic,
          resultsTopic: `${prefix}.results.${id}`,
          groupId: `${prefix}.${id}`,
          clientId: `bench-${transport}-${runId}`,
          workMs,
          repetition: repetition + 1,
          partitionsConsumedConcurrently: params.partitionsConsumedConcurrently,
          producer: params.producer,
        };
      });
    }),
  ).flat();
  const topics = [inputTopic, ...cases.map((c) => c.resultsTopic)];
  const groups = cases.flatMap((c) => [c.transport === 'builtin' ? `${c.groupId}-server` : c.groupId, `${c.groupId}-counter`]);

  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log('interrupted: deleting the bench topics (Ctrl-C again to leave them)');
    liveChild?.kill('SIGKILL');
    void deleteEverything(admin, topics, groups).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  const results: CaseResult[] = [];
  let input: { ms: number; bytes: number; partitionCounts: number[] } | undefined;
  try {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: params.partitions, replicationFactor: 1 })),
      waitForLeaders: true,
    });
    log(`topics ${prefix}.* created (${params.partitions} partitions); producing ${params.messages} work chunks…`);
    const produced = await produceInput(kafka, inputTopic, params.messages);
    const offsets = await admin.fetchTopicOffsets(inputTopic);
    input = { ...produced, partitionCounts: offsets.sort((a, b) => a.partition - b.partition).map((o) => Number(o.high) - Number(o.low)) };
    const stored = input.partitionCounts.reduce((a, b) => a + b, 0);
    if (stored !== params.messages)
      log(`warning: the input topic holds ${stored} messages, not ${params.messages}: both transports handle the same ${stored}`);
    log(
      `produced ${params.messages} messages (${(produced.bytes / MB).toFixed(1)} MiB) in ${produced.ms} ms; per partition ${input.partitionCounts.join('/')}`,
    );
    for (const c of cases) {
      log(`${c.transport} W=${c.workMs} ms${params.repeat > 1 ? ` (run ${c.repetition}/${params.repeat})` : ''} …`);
      const r = await runCase(kafka, c, params.messages, params.cpuProfDir);
      results.push(r);
      log(
        `${c.transport} W=${c.workMs} ms: ${r.results}/${params.messages} in ${r.wallMs} ms = ${r.messagesPerSecond} msg/s; ` +
          `peak RSS ${r.child ? (r.child.maxRssBytes / MB).toFixed(0) : '?'} MiB; CPU ${r.cpuMs} ms`,
      );
      if (r.child) log(`  ${describeActivity(r.child.activity)}`);
    }
  } finally {
    await deleteEverything(admin, topics, groups);
    await admin.disconnect();
  }

  // ---- report: medians over repetitions ----
  const summaries = params.workMs.flatMap((workMs) =>
    params.transports.map((transport) =>
      summarise(
        transport,
        workMs,
        results.filter((r) => r.transport === transport && r.workMs === workMs),
      ),
    ),
  );
  const header = [
    'transport',
    'W ms',
    'runs',
    'results',
    'wall s',
    'msg/s',
    ...(params.repeat > 1 ? ['msg/s min-max'] : []),
    'steady msg/s',
    'to 1st result ms',
    'peak RSS MiB',
    'RSS before MiB',
    'RSS growth MiB',
    'CPU ms/1k msg',
    'dups',
  ];
  const rows = summaries
    .filter((m) => m.runs > 0)
    .map((m) => [
      m.transport === 'ours' ? 'ours (KafkaBatchTransport)' : 'built-in (Transport.KAFKA)',
      String(m.workMs),
      String(m.runs),
      `${m.results}${m.completed ? '' : ' (incomplete)'}`,
      (m.wallMs / 1000).toFixed(2),
      m.messagesPerSecond.toFixed(0),
      ...(params.repeat > 1 ? [`${m.messagesPerSecondMin.toFixed(0)}-${m.messagesPerSecondMax.toFixed(0)}`] : []),
      Number.isNaN(m.steadyMessagesPerSecond) ? '-' : m.steadyMessagesPerSecond.toFixed(0),
      m.firstResultMs.toFixed(0),
      (m.maxRssBytes / MB).toFixed(0),
      (m.rssBeforeStartBytes / MB).toFixed(0),
      ((m.maxRssBytes - m.rssBeforeStartBytes) / MB).toFixed(0),
      m.cpuMsPer1kMessages.toFixed(0),
      String(m.duplicates),
    ]);
  const ratios = params.workMs
    .map((workMs) => {
      const ours = summaries.find((m) => m.transport === 'ours' && m.workMs === workMs);
      const builtin = summaries.find((m) => m.transport === 'builtin' && m.workMs === workMs);
      if (!ours?.runs || !builtin?.runs) return undefined;
      return {
        workMs,
        messagesPerSecond: ratio(ours.messagesPerSecond, builtin.messagesPerSecond),
        steadyMessagesPerSecond: ratio(ours.steadyMessagesPerSecond, builtin.steadyMessagesPerSecond),
        wallTime: ratio(ours.wallMs, builtin.wallMs),
        peakRss: ratio(ours.maxRssBytes, builtin.maxRssBytes),
        cpuPerMessage: ratio(ours.cpuMsPer1kMessages, builtin.cpuMsPer1kMessages),
      };
    })
    .filter((r) => r !== undefined);

  const out: string[] = [];
  out.push('');
  out.push(
    `Kafka transport bench: ${params.messages} messages, ${params.partitions} partitions, partitionsConsumedConcurrently ${params.partitionsConsumedConcurrently}, results via ${params.producer === 'publisher' ? 'KafkaPublisher' : 'a plain kafkajs producer'} in both`,
  );
  out.push(
    `${os.cpus().length} CPUs, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, Node ${process.version}, load average ${loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')} at start, ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at end`,
  );
  out.push('');
  if (params.repeat > 1) out.push(`medians of ${params.repeat} runs per row`);
  out.push(table([header, ...rows], 2));
  out.push('');
  out.push('ours / built-in (throughput > 1: ours faster; wall time, RSS and CPU < 1: ours better)');
  out.push(
    table([
      ['W ms', 'msg/s', 'steady msg/s', 'wall time', 'peak RSS', 'CPU/msg'],
      ...ratios.map((r) => [
        String(r.workMs),
        r.messagesPerSecond.toFixed(3),
        r.steadyMessagesPerSecond.toFixed(3),
        r.wallTime.toFixed(3),
        r.peakRss.toFixed(3),
        r.cpuPerMessage.toFixed(3),
      ]),
    ]),
  );
  process.stdout.write(`${out.join('\n')}\n`);

  if (params.write) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = join(
      RESULTS_DIR,
      `transport-${startedAt
        .toISOString()
        .replace(/:/g, '-')
        .replace(/\.\d+Z$/, 'Z')}.json`,
    );
    const report = {
      bench: 'transport',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        totalMemoryBytes: os.totalmem(),
        node: process.version,
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg(),
        kafkaBrokers: BROKERS.length,
      },
      parameters: { ...params, topicPrefix: prefix, bodyBytesAverage: input ? Math.round(input.bytes / params.messages) : undefined },
      input: input ?? null,
      summaries,
      ratiosOursOverBuiltin: ratios,
      runs: results,
      orchestratorMaxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${file}`);
  }
  if (results.some((r) => !r.completed)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`[bench] ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
