#!/usr/bin/env node
/**
 * `npm start` / `npm test` on a fresh clone: checks Node, installs dependencies when the lockfile
 * changed, then runs the real thing. Plain CommonJS and Node built-ins only: it runs before `npm ci`.
 *
 *   node scripts/bootstrap.js start          → tsx scripts/start.ts
 *   node scripts/bootstrap.js test [args…]   → tsc --noEmit, then jest --ci [args…]
 */
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS on purpose: runs before npm ci */
const { spawn } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { constants } = require('node:os');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const MIN_NODE = [20, 19];
const isWindows = process.platform === 'win32';

function fail(message, code = 1) {
  process.stderr.write(`[bootstrap] ${message}\n`);
  process.exit(code);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    fail(
      `Node ${MIN_NODE.join('.')} or newer is required; this is ${process.version}. Install a current Node LTS (https://nodejs.org) and try again.`,
    );
  }
}

function needsInstall() {
  const installed = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (!existsSync(installed)) return true;
  return existsSync(lock) && statSync(installed).mtimeMs < statSync(lock).mtimeMs;
}

const signalCode = (signal) => 128 + (constants.signals[signal] || 1);

/** Runs a command with inherited stdio, forwarding SIGINT/SIGTERM; resolves with its exit code. */
function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows, ...options });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.once('error', (err) => {
      process.stderr.write(`[bootstrap] could not run ${cmd}: ${err.message}\n`);
      done(127);
    });
    child.once('exit', (code, signal) => done(code ?? signalCode(signal)));
  });
}

/** Like `run`, but with the output captured (shown only on failure). */
function capture(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], shell: isWindows });
    const chunks = [];
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    const done = (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, output: Buffer.concat(chunks).toString('utf8') });
    };
    child.once('error', (err) => {
      chunks.push(Buffer.from(`could not run ${cmd}: ${err.message}\n`));
      done(127);
    });
    child.once('close', (code, signal) => done(code ?? signalCode(signal)));
  });
}

const bin = (name) => join(BIN, isWindows ? `${name}.cmd` : name);

async function install() {
  if (!needsInstall()) return;
  process.stdout.write('[bootstrap] installing dependencies (npm ci) …\n');
  const code = await run(isWindows ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund']);
  if (code !== 0) fail(`npm ci failed (exit ${code})`, code);
}

/**
 * node with tsx's loader, not the tsx command: the tsx command relays a Ctrl-C to its child and kills it
 * with SIGKILL when the child does not acknowledge the signal within 30 ms (a busy machine), which cut the
 * shutdown short and left Kafka, the store and MailDev running.
 */
async function start(args) {
  return run(process.execPath, ['--import', 'tsx', join('scripts', 'start.ts'), ...args]);
}

async function test(args) {
  const typecheck = await capture(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  if (typecheck.code !== 0) {
    process.stderr.write(typecheck.output);
    fail(`typecheck failed (exit ${typecheck.code})`, typecheck.code);
  }
  process.stdout.write('typecheck ok\n');
  return run(bin('jest'), ['--ci', ...args]);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const commands = { start, test };
  if (!commands[command]) fail('usage: node scripts/bootstrap.js start|test [args…]', 2);
  checkNode();
  await install();
  process.exit(await commands[command](args));
}

main().catch((err) => fail(err && err.stack ? err.stack : String(err)));
