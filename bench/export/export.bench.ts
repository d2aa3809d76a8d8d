/**
 * The people export end to end: an `export-csv` job over N people (filter `{}`: the whole tenant), submitted
 * to the gateway, run by the orchestrator and identity, then the file downloaded through the gateway (identity
 * streams it, membership names the groups). Every service is a process of its own; the bench prints the job's
 * and the download's time and rate, the file's size and rows, and the peak RSS (VmHWM) of every process.
 *
 *   npx tsx bench/export/export.bench.ts --people 100000 [--chunk 500] [--no-build] [--no-write]
 *
 * Needs the local infrastructure (`npm run infra:up`): the shared broker and store, under a prefix of its own.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { MongoClient } from 'mongodb';
import { signToken } from '@cohort/auth';
import { createTopics, deleteTopics } from '@cohort/testing/infra/kafka';
import { storePid } from '../engine/listeners';
import { benchSecrets, freePort, HOST, readProc, ServiceProcess } from '../engine/processes';
import { createPeopleIndexes, dropDatabases, PersonDoc, round, seedOwnersList, seedPeople } from '../engine/store';

const ROOT = resolve(__dirname, '../..');
const RESULTS_DIR = resolve(__dirname, '../results');
const BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
const MONGO_URL = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27018/';
const SERVICES = ['gateway', 'orchestrator', 'identity', 'membership'] as const;
const TENANT = 'bench-export';
const SAMPLE_MS = 500;

const log = (line: string) => process.stderr.write(`[export ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function build(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`build failed (exit ${code})`))));
  });
}

async function main(): Promise<void> {
  const o = new Command()
    .option('--people <n>', 'people in the tenant (all exported)', (v) => Number(v), 100_000)
    .option('--chunk <c>', 'ORCH_CHUNK_SIZE', (v) => Number(v), 500)
    .option('--no-build', 'dist/ is up to date')
    .option('--no-write', 'no JSON report in bench/results')
    .parse()
    .opts<{ people: number; chunk: number; build: boolean; write: boolean }>();
  if (o.build) await build();
  const stamp = Date.now().toString(36);
  const dbPrefix = `benchx_${stamp}`;
  const topicPrefix = `benchx${stamp}.`;
  const workDir = mkdtempSync(join(os.tmpdir(), 'cohort-export-bench-'));
  const mongo = await MongoClient.connect(MONGO_URL);
  const services = new Map<string, ServiceProcess>();
  const peaks: Record<string, number> = {};
  const phases: Record<'job' | 'download', Record<string, number>> = { job: {}, download: {} };
  let phase: 'job' | 'download' = 'job';
  let sampler: NodeJS.Timeout | undefined;
  try {
    await createTopics(BROKERS, topicPrefix, 6);
    const people = mongo.db(`${dbPrefix}_identity`).collection<PersonDoc>('people');
    await createPeopleIndexes(people);
    const seedMs = await seedPeople(people, TENANT, o.people, true);
    await seedOwnersList(people, TENANT, ['owner']);
    log(`seeded ${o.people} people in ${(seedMs / 1000).toFixed(1)} s`);

    const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const)));
    const secrets = benchSecrets();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      ...secrets,
      HOST,
      KAFKA_BROKERS: BROKERS,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      MONGO_URL,
      MONGO_DB_PREFIX: dbPrefix,
      LOG_LEVEL: 'warn',
      ORCH_CHUNK_SIZE: String(o.chunk),
      GATEWAY_RATE_LIMIT: '100000',
      ...Object.fromEntries(SERVICES.filter((s) => s !== 'gateway').map((s) => [`${s.toUpperCase()}_URL`, `http://${HOST}:${ports[s]}`])),
      PUBLIC_URL: `http://${HOST}:${ports.gateway}`,
    };
    for (const s of SERVICES) services.set(s, new ServiceProcess(s, ports[s], join(workDir, `${s}.log`), ROOT, { ...env, PORT: String(ports[s]) }));
    await Promise.all([...services.values()].map((s) => s.waitHealthy(120_000)));
    // per phase, the largest resident set sampled of every service and of the store's own process
    const store = storePid(MONGO_URL);
    const sampleAll = () => {
      for (const [name, s] of services) {
        const sample = s.sample();
        if (!sample) continue;
        peaks[name] = Math.max(peaks[name] ?? 0, sample.peakMiB);
        phases[phase][name] = Math.max(phases[phase][name] ?? 0, sample.rssMiB);
      }
      const own = readProc(store);
      if (own) phases[phase].store = Math.max(phases[phase].store ?? 0, own.rssMiB);
    };
    sampler = setInterval(sampleAll, SAMPLE_MS);
    const gateway = `http://${HOST}:${ports.gateway}`;
    const auth = {
      authorization: `Bearer ${signToken({ sub: 'owner', tid: TENANT, role: 'Owner', email: `owner@${TENANT}.test` }, secrets.JWT_SECRET)}`,
    };

    const t0 = Date.now();
    const submitted = await fetch(`${gateway}/v1/batch-jobs`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'export-csv', params: {}, selection: { filter: {} } }),
    });
    if (submitted.status !== 202) throw new Error(`submit: HTTP ${submitted.status} ${await submitted.text()}`);
    const { id } = (await submitted.json()) as { id: string };
    let job: { status: string; counts: Record<string, number> } = { status: 'queued', counts: {} };
    while (!['completed', 'failed', 'cancelled'].includes(job.status)) {
      await sleep(1000);
      job = (await (await fetch(`${gateway}/v1/batch-jobs/${id}`, { headers: auth })).json()) as typeof job;
    }
    const jobMs = Date.now() - t0;
    sampleAll();
    phase = 'download';
    log(`job ${job.status} in ${(jobMs / 1000).toFixed(1)} s: ${JSON.stringify(job.counts)}`);

    // the download, read as it streams (never held): bytes and lines counted
    const t1 = Date.now();
    const res = await fetch(`${gateway}/v1/batch-jobs/${id}/artifact`, { headers: auth });
    if (res.status !== 200 || !res.body) throw new Error(`download: HTTP ${res.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += part.length;
      for (const b of part) if (b === 10) lines++;
    }
    const downloadMs = Date.now() - t1;
    sampleAll();
    const rows = lines - 1; // the header
    const report = {
      bench: 'export-csv',
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, memoryMiB: Math.round(os.totalmem() / 2 ** 20), node: process.version },
      people: o.people,
      chunk: o.chunk,
      job: { status: job.status, counts: job.counts, ms: jobMs, personsPerSecond: round((o.people + 1) / (jobMs / 1000)) },
      download: { ms: downloadMs, bytes, rows, rowsPerSecond: round(rows / (downloadMs / 1000)), MiB: round(bytes / 2 ** 20, 1) },
      peakRssMiB: Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, round(v)])),
      /** the largest RSS sampled every 500 ms in each phase; `store` is the MongoDB-protocol server's process */
      phaseRssMiB: Object.fromEntries(
        Object.entries(phases).map(([p, byProcess]) => [p, Object.fromEntries(Object.entries(byProcess).map(([k, v]) => [k, round(v)]))]),
      ),
      logs: workDir,
    };
    process.stdout.write(
      [
        `export-csv of ${o.people + 1} people (chunk ${o.chunk}):`,
        `  job       ${job.status} in ${(jobMs / 1000).toFixed(1)} s (${report.job.personsPerSecond} persons/s)`,
        `  download  ${rows} rows, ${report.download.MiB} MiB in ${(downloadMs / 1000).toFixed(1)} s (${report.download.rowsPerSecond} rows/s)`,
        `  peak RSS  ${Object.entries(report.peakRssMiB)
          .map(([k, v]) => `${k} ${v} MiB`)
          .join(', ')}`,
        ...Object.entries(report.phaseRssMiB).map(
          ([p, byProcess]) =>
            `  RSS in ${p.padEnd(8)} ${Object.entries(byProcess)
              .map(([k, v]) => `${k} ${v} MiB`)
              .join(', ')}`,
        ),
        '',
      ].join('\n'),
    );
    if (rows !== o.people + 1) throw new Error(`the file has ${rows} rows, expected ${o.people + 1}`);
    if (o.write) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = join(RESULTS_DIR, `export-${report.at.replace(/[:.]/g, '-').slice(0, 19)}Z.json`);
      writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
      log(`wrote ${file}`);
    }
  } finally {
    clearInterval(sampler);
    await Promise.all([...services.values()].map((s) => s.stop().catch(() => undefined)));
    await dropDatabases(mongo, dbPrefix).catch(() => undefined);
    await deleteTopics(BROKERS, topicPrefix).catch(() => undefined);
    await mongo.close();
  }
}

main().catch((err: unknown) => {
  log(`failed: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
