/**
 * Chaos run: `npm run chaos -- --people N` (see bench/chaos/README.md).
 *
 *   npx tsx bench/chaos/chaos.ts --people 5000 [--mail-people M] [--seed S] [--chunk 100] [--window 8]
 *       [--send-rate 50] [--restart-delay-max-ms 2000] [--no-rebalance] [--timeout-min 30]
 *       [--log-level warn] [--no-build] [--keep] [--report FILE] [--no-write]
 *
 * Exit code 0 only when every check passed: every person terminal, every effect applied once, no duplicate
 * e-mail, job counts equal to the per-person rows, every disruption during a running job, no service
 * exiting by itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ChaosParams, defaultMailPeople, live, LogLevel, runChaos } from './run';
import { summary } from './summary';

const RESULTS_DIR = resolve(__dirname, 'results');
const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const int =
  (flag: string, min = 1) =>
  (v: string): number => {
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${flag} needs an integer ≥ ${min}`);
    return n;
  };

function parseArgs(argv: string[]): ChaosParams & { report?: string; write: boolean } {
  const o = new Command('chaos')
    .description(
      'A deactivate job and a notification job with e-mail while every service is killed once, the broker restarted and learning rebalanced; then every effect is checked.',
    )
    .option('--people <n>', 'people the deactivate job covers', int('--people'), 5000)
    .option('--mail-people <m>', 'people the notification job (with an e-mail copy) covers; default N/5 within 100…10,000', int('--mail-people'))
    .option('--seed <s>', 'seed of the random points and pauses', int('--seed', 0), Math.floor(Math.random() * 2 ** 31))
    .option('--chunk <c>', 'people per work chunk (ORCH_CHUNK_SIZE, at most 1000)', int('--chunk'), 100)
    .option('--window <w>', 'chunks of a job in flight (ORCH_WINDOW)', int('--window'), 8)
    .option('--send-rate <r>', 'e-mails per second of communications (COMMS_SEND_RATE, 0: unlimited)', int('--send-rate', 0), 50)
    .option('--restart-delay-max-ms <ms>', 'longest pause between a kill and the restart', int('--restart-delay-max-ms', 0), 2000)
    .option('--no-rebalance', 'no second learning process joining and leaving')
    .option('--no-chaos', 'no disruption at all: the same jobs as a baseline')
    .option('--timeout-min <min>', 'give up on the jobs after this many minutes', int('--timeout-min'), 30)
    .addOption(new Option('--log-level <level>', 'LOG_LEVEL of the services').choices(LEVELS).default('warn'))
    .option('--no-build', 'skip npm run -s build (dist/ is up to date)')
    .option('--keep', 'leave the databases, broker data and e-mails in place', false)
    .option('--report <file>', 'also write the JSON report here')
    .option('--no-write', `no JSON report in ${RESULTS_DIR}`)
    .parse(argv)
    .opts<
      Omit<ChaosParams, 'mailPeople' | 'restartDelayMaxMs'> & { mailPeople?: number; restartDelayMaxMs: number; report?: string; write: boolean }
    >();
  if (o.chunk > 1000) throw new InvalidArgumentError('--chunk: at most 1000');
  return {
    people: o.people,
    mailPeople: o.mailPeople ?? defaultMailPeople(o.people),
    seed: o.seed,
    chunk: o.chunk,
    window: o.window,
    sendRate: o.sendRate,
    restartDelayMaxMs: o.restartDelayMaxMs,
    rebalance: o.rebalance,
    chaos: o.chaos,
    timeoutMin: o.timeoutMin,
    build: o.build,
    keep: o.keep,
    logLevel: o.logLevel,
    report: o.report && resolve(o.report),
    write: o.write,
  };
}

const log = (line: string) => process.stderr.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
async function main(): Promise<void> {
  const p = parseArgs(process.argv);
  const { report: reportFile, write, ...params } = p;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping the services and the private broker …`);
      void (live.cleanup?.() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }
  const report = await runChaos(params, log);
  process.stdout.write(`\n${summary(report)}\n`);
  const files = [
    ...(reportFile ? [reportFile] : []),
    ...(write ? [join(RESULTS_DIR, `chaos-${report.startedAt.replace(/[:.]/g, '-').slice(0, 19)}Z.json`)] : []),
  ];
  for (const file of files) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${file}`);
  }
  if (!report.ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  log(`failed: ${(err as Error).stack ?? String(err)}`);
  void (live.cleanup?.() ?? Promise.resolve()).finally(() => process.exit(1));
});
