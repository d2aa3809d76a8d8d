/**
 * `npm start`: builds, brings up Kafka, the MongoDB-protocol server and SMTP (unless running or given),
 * seeds the demo tenant, runs the six services and prints where everything is. Ctrl-C (or any service
 * exiting) stops the services and then only the infrastructure this run started.
 */
import { ChildProcess, spawn } from 'node:child_process';
import concurrently, { CloseEvent, ConcurrentlyResult } from 'concurrently';
import { signToken } from '@cohort/auth';
import {
  Component,
  forgetServices,
  Infra,
  InfraError,
  InfraState,
  infraDown,
  infraUp,
  ownerHere,
  portFree,
  readState,
  recordServices,
} from '@cohort/testing';
import { DEMO_EMAILS, DEMO_TENANT } from './demo-data';
import { seedDemo } from './seed';
import { SERVICE_HOST, SERVICE_NAMES, ServiceName, servicePorts, serviceUrl, serviceUrls } from './services';
import { findClaims } from './token';

const HEALTH_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 15_000;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const COLOURS = ['cyan', 'magenta', 'green', 'yellow', 'blue', 'red'];

const log = (line: string) => process.stdout.write(`[start] ${line}\n`);
/** this run: what it starts is its to stop, and the next run stops what it left behind if it is killed */
const OWNER = ownerHere('npm start');
// a reader that went away (the terminal closed, a pipe's reader ended) must not stop the shutdown half-way
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What this run has under way, so that stopping knows what to undo. */
const run = {
  build: undefined as ChildProcess | undefined,
  infraBefore: {} as InfraState,
  infraStarted: undefined as Component[] | undefined,
  services: undefined as ConcurrentlyResult | undefined,
  stopRequested: undefined as string | undefined,
  stopping: false,
};

// ---------------------------------------------------------------- steps

/** The services (swc → dist/), then the admin console (vite → dist/console, served by the gateway). */
async function build(): Promise<void> {
  log('building (swc → dist/) …');
  await npmRun('build');
  if (run.stopRequested) return;
  log('building the admin console (vite → dist/console) …');
  await npmRun('build:console');
}

function npmRun(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', script], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    run.build = child;
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      run.build = undefined;
      if (code === 0) resolve();
      else reject(new InfraError(`npm run ${script} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

async function bringUpInfra(): Promise<Infra> {
  run.infraBefore = readState();
  try {
    const infra = await infraUp(log, OWNER);
    run.infraStarted = infra.started;
    return infra;
  } catch (err) {
    run.infraStarted = startedSince(run.infraBefore);
    throw err;
  }
}

/** Components whose process (per the state file) was started after `before` was read. */
function startedSince(before: InfraState): Component[] {
  const now = readState();
  return (['kafka', 'mongo', 'smtp'] as const).filter((c) => now[c]?.pid && now[c]?.pid !== before[c]?.pid);
}

async function assertPortsFree(ports: Record<ServiceName, number>): Promise<void> {
  for (const name of SERVICE_NAMES) {
    if (!(await portFree(ports[name], SERVICE_HOST))) {
      throw new InfraError(`port ${ports[name]} (${name}) is in use by another process: stop it, or set COHORT_PORT_BASE to shift all service ports`);
    }
  }
}

function startServices(infra: Infra, ports: Record<ServiceName, number>): ConcurrentlyResult {
  // development sign-in in the console (pick a seeded person): on for `npm start` only, never by default
  const devSignIn = { CONSOLE_DEV_SIGNIN: process.env.CONSOLE_DEV_SIGNIN ?? '1', CONSOLE_DEV_TENANT: process.env.CONSOLE_DEV_TENANT ?? DEMO_TENANT };
  const shared = { ...infra.env, HOST: SERVICE_HOST, ...serviceUrls(ports), ...devSignIn };
  const services = concurrently(
    SERVICE_NAMES.map((name, i) => ({
      name,
      // exec: the shell becomes the service, so the pid recorded (and signalled) is the service's own
      command: `exec node dist/apps/${name}/src/main.js`,
      env: { ...shared, PORT: String(ports[name]) },
      prefixColor: COLOURS[i % COLOURS.length],
    })),
    { prefix: 'name', padPrefix: true, killSignal: 'SIGTERM', handleInput: false },
  );
  services.result.catch(() => undefined); // exits are handled per command below
  for (const command of services.commands) command.close.subscribe((event) => onServiceExit(event));
  recordServices(
    OWNER,
    services.commands.flatMap((c) => (c.pid ? [c.pid] : [])),
  );
  return services;
}

function onServiceExit(event: CloseEvent): void {
  // a Ctrl-C reaches the services too; give our own signal handler the chance to run first
  setTimeout(() => {
    if (!run.stopping) void shutdown(`${event.command.name} exited (${event.exitCode}); stopping everything`, 1);
  }, 250);
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** Polls every service's /health until all answer 200; false when stopping was requested meanwhile. */
async function waitHealthy(ports: Record<ServiceName, number>): Promise<boolean> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let waiting = [...SERVICE_NAMES];
  while (waiting.length) {
    if (run.stopRequested || run.stopping) return false;
    if (Date.now() > deadline) throw new InfraError(`not healthy after ${HEALTH_TIMEOUT_MS / 1000}s: ${waiting.join(', ')}`);
    const checks = await Promise.all(waiting.map((name) => healthy(serviceUrl(ports[name]))));
    waiting = waiting.filter((_, i) => !checks[i]);
    if (waiting.length) await sleep(500);
  }
  return true;
}

async function ownerToken(mongoUrl: string): Promise<string> {
  const found = await findClaims(mongoUrl, { tenantId: DEMO_TENANT, email: DEMO_EMAILS.owner });
  return found ? signToken(found.claims) : `(no ${DEMO_EMAILS.owner} in tenant ${DEMO_TENANT})`;
}

function banner(infra: Infra, ports: Record<ServiceName, number>, token: string): void {
  const api = serviceUrl(ports.gateway);
  const lines = [
    '',
    'Cohort is running.',
    `  console / API    ${api}   (sign in by picking a seeded person, or paste the token below)`,
    `  mail inbox       ${infra.env.SMTP_WEB_URL || `(SMTP at ${infra.env.SMTP_URL}, no web inbox)`}`,
    `  Owner token      ${DEMO_EMAILS.owner}, tenant ${DEMO_TENANT}, 12h:`,
    '',
    token,
    '',
    `  try: curl ${api}/health`,
    '  more tokens: npm run -s token -- --tenant demo --email admin1@demo.test',
    '  Ctrl-C stops the services and the infrastructure this run started.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------- stopping

async function stopServices(services: ConcurrentlyResult | undefined): Promise<void> {
  if (!services) return;
  const alive = () => services.commands.filter((c) => c.pid && c.process && !c.exited);
  const allClosed = services.result.then(
    () => true,
    () => true,
  );
  alive().forEach((c) => c.kill('SIGTERM'));
  if (await Promise.race([allClosed, sleep(STOP_GRACE_MS).then(() => false)])) return;
  log('services did not stop in time; killing them');
  alive().forEach((c) => c.kill('SIGKILL'));
  await Promise.race([allClosed, sleep(5000)]);
}

/** Stops the services, then the infrastructure this run started, then exits. Runs once. */
async function shutdown(reason: string, code: number): Promise<void> {
  if (run.stopping) return;
  run.stopping = true;
  log(reason);
  run.build?.kill('SIGTERM');
  await stopServices(run.services);
  if (run.services) forgetServices(OWNER);
  const infra = run.infraStarted ?? [];
  if (infra.length) await infraDown(infra, log).catch((err: unknown) => log(`could not stop ${infra.join(', ')}: ${message(err)}`));
  log('stopped');
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals): void {
  if (run.stopRequested || run.stopping) return;
  run.stopRequested = `${signal} received; stopping`;
  run.build?.kill(signal);
  // while infraUp runs, stopping waits for it: a component half-started would otherwise be orphaned
  if (run.services) void shutdown(run.stopRequested, 0);
  else if (run.infraStarted === undefined && !run.build) log(`${signal} received; stopping once the infrastructure is up …`);
}

const message = (err: unknown) => (err instanceof InfraError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err));

// ---------------------------------------------------------------- main

/** Between steps: true (after stopping) when a signal arrived meanwhile. */
async function stopIfRequested(): Promise<boolean> {
  if (!run.stopRequested) return false;
  await shutdown(run.stopRequested, 0);
  return true;
}

async function main(): Promise<void> {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  const ports = servicePorts();
  await build();
  if (await stopIfRequested()) return;
  const infra = await bringUpInfra();
  if (await stopIfRequested()) return;
  await seedDemo(infra.env.MONGO_URL, { log: (line) => log(line) });
  if (await stopIfRequested()) return;
  await assertPortsFree(ports);
  log(`starting ${SERVICE_NAMES.length} services …`);
  run.services = startServices(infra, ports);
  if (!(await waitHealthy(ports))) return;
  const token = await ownerToken(infra.env.MONGO_URL);
  if (!run.stopping) banner(infra, ports, token);
}

main().catch((err: unknown) => {
  if (run.stopRequested) return void shutdown(run.stopRequested, 0);
  void shutdown(`failed: ${message(err)}`, 1);
});
