/**
 * E-mail throughput to the local SMTP sink (MailDev): the bare pooled transport against the
 * communications service doing the real work per person (outbox insert and claim, template render,
 * send, mark sent, result message), and the pacing of a set send rate.
 *
 *   npx tsx bench/mail/mail.bench.ts [--mails 1000] [--chunk 250] [--rate 100] [--no-write]
 *
 * Needs the local infrastructure (`npm run infra:up`). Writes bench/results/mail-<time>.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';

const ROOT = resolve(__dirname, '../..');
const RESULTS_DIR = resolve(__dirname, '../results');
const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27018/';
const SMTP_URL = process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025';
const TENANT = 'bench-mail';

interface Params {
  mails: number;
  chunk: number;
  rate: number;
  write: boolean;
}

function parseArgs(argv: string[]): Params {
  const p: Params = { mails: 1000, chunk: 250, rate: 100, write: true };
  for (let i = 0; i < argv.length; i++) {
    const next = () => Number(argv[++i]);
    if (argv[i] === '--mails') p.mails = next();
    else if (argv[i] === '--chunk') p.chunk = next();
    else if (argv[i] === '--rate') p.rate = next();
    else if (argv[i] === '--no-write') p.write = false;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return p;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const params = parseArgs(process.argv.slice(2));
  const run = `bm${Date.now().toString(36)}`;
  Object.assign(process.env, {
    KAFKA_BROKERS: BROKERS,
    MONGO_URL,
    SMTP_URL,
    KAFKA_TOPIC_PREFIX: `${run}.`,
    MONGO_DB_PREFIX: `bench_${run}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    COMMS_SEND_RATE: '0',
  });
  // imported after the env is set: modules read their config when loaded
  const { createTopics, deleteTopics } = await import('@cohort/testing/infra/kafka');
  await createTopics(BROKERS, `${run}.`, 6);
  try {
    await measure(params, run);
  } finally {
    const mongo = await MongoClient.connect(MONGO_URL);
    await mongo.db(`bench_${run}_communications`).dropDatabase();
    await mongo.close();
    await deleteTopics(BROKERS, `${run}.`);
  }
}

async function measure(params: Params, run: string): Promise<void> {
  const { TOPICS } = await import('@cohort/contracts'); // names carry KAFKA_TOPIC_PREFIX (read on import)
  const { freePort, ServiceProcess } = await import('../engine/processes');
  const { Mailer } = await import('../../apps/communications/src/mail/mailer');
  const { renderMail } = await import('../../apps/communications/src/templates/render-mail');
  const results: Record<string, unknown> = { at: new Date().toISOString(), params, smtp: SMTP_URL };

  // 1. the bare pooled transport (5 connections), rendering each mail as the service does
  const mailer = new Mailer({
    smtpUrl: SMTP_URL,
    from: 'Cohort <bench@cohort.local>',
    publicUrl: 'http://127.0.0.1:3000',
    sendRate: 0,
    sendBurst: 1,
  });
  let t0 = Date.now();
  for (let i = 0; i < params.mails; i += 5) {
    await Promise.all(
      Array.from({ length: Math.min(5, params.mails - i) }, (_, j) => {
        const r = renderMail('invitation', 'nl', { name: `P${i + j}`, link: `http://127.0.0.1:3000/console/#/invitation/t${i + j}` });
        return mailer.send({ to: `raw${i + j}@bench.test`, ...r });
      }),
    );
  }
  const rawMs = Date.now() - t0;
  mailer.onModuleDestroy();
  results.transport = { mails: params.mails, ms: rawMs, perSecond: round((params.mails * 1000) / rawMs) };
  console.log(`[mail] bare transport: ${params.mails} mails in ${rawMs} ms = ${round((params.mails * 1000) / rawMs)}/s`);

  // 2. the communications service (built, its own process): work chunks of send-invitation in, results out
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const logs = mkdtempSync(join(os.tmpdir(), 'bench-mail-'));
  const service = async (rate: number) => {
    const port = await freePort();
    const env = { ...process.env, PORT: String(port), COMMS_SEND_RATE: String(rate), COMMS_SEND_BURST: String(Math.max(1, rate)) };
    const proc = new ServiceProcess('communications', port, join(logs, `communications-${rate}.log`), ROOT, env);
    await proc.waitHealthy();
    return { close: () => proc.stop() };
  };
  const kafka = new Kafka({ brokers: BROKERS.split(','), clientId: 'bench-mail', logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  console.log(`[mail] topics ready, communications built; pass 1`);
  const pass = async (label: string, rate: number) => {
    const app = await service(rate);
    const jobId = `${label}-${Date.now().toString(36)}`;
    const consumer = kafka.consumer({ groupId: `${run}-${label}` });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.results, fromBeginning: true });
    let done = 0;
    let deferred = 0;
    let firstDeferredAt: number | undefined;
    const finished = new Promise<void>((resolveAll) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          const result = JSON.parse(String(message.value)) as { jobId: string; outcomes: { status: string }[] };
          if (result.jobId !== jobId) return;
          for (const o of result.outcomes) {
            if (o.status === 'deferred') {
              deferred++;
              firstDeferredAt ??= Date.now();
            } else done++;
          }
          if (done >= params.mails) resolveAll();
        },
      });
    });
    await new Promise((r) => setTimeout(r, 3000)); // group join
    t0 = Date.now();
    const messages = [];
    for (let i = 0; i < params.mails; i += params.chunk) {
      const userIds = Array.from({ length: Math.min(params.chunk, params.mails - i) }, (_, j) => `u${i + j}`);
      const data = Object.fromEntries(
        userIds.map((u) => [u, { kind: 'invitation', email: `${u}@${label}.bench.test`, name: u, language: 'en', token: `${u}.secret` }]),
      );
      const work = { jobId, step: 1, chunk: i / params.chunk, attempt: 1, tenantId: TENANT, action: 'send-invitation', params: {}, userIds, data };
      messages.push({ key: `${jobId}:${i}`, value: JSON.stringify(work) });
    }
    await producer.send({ topic: TOPICS.communicationsWork, messages });
    await finished;
    const ms = Date.now() - t0;
    await consumer.disconnect();
    await app.close();
    console.log(
      `[mail] service ${label} (rate ${rate || 'unlimited'}/s): ${params.mails} mails in ${ms} ms = ${round((params.mails * 1000) / ms)}/s, deferred ${deferred}`,
    );
    return {
      rate,
      mails: params.mails,
      ms,
      perSecond: round((params.mails * 1000) / ms),
      deferred,
      firstDeferredAfterMs: firstDeferredAt && firstDeferredAt - t0,
    };
  };
  results.service = await pass('unpaced', 0);
  results.paced = await pass('paced', params.rate);
  results.ratio = {
    serviceToTransport: round((results.service as { perSecond: number }).perSecond / (results.transport as { perSecond: number }).perSecond, 2),
  };
  console.log(`[mail] service/transport = ${(results.ratio as { serviceToTransport: number }).serviceToTransport}`);
  await producer.disconnect();
  if (params.write) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = resolve(
      RESULTS_DIR,
      `mail-${new Date()
        .toISOString()
        .replace(/[:.]/g, '-')
        .replace(/-\d{3}Z$/, 'Z')}.json`,
    );
    writeFileSync(file, JSON.stringify(results, null, 2));
    console.log(`[mail] wrote ${file}`);
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
