import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const PEOPLE = 10_000;

/** Runs a command to its end: exit code and everything it printed. */
function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.once('error', fail);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, out });
    });
  });
}

/**
 * The engine bench as a smoke test (issue: a small bench runs in CI, without timing assertions): a
 * 10,000-person change-language job through separate orchestrator and identity processes on the real
 * broker and store, with the 5-person probe job, then the raw store baseline. Only the outcome is
 * asserted — every person changed exactly once, the probe completed — never a speed.
 */
describe('bench smoke: npm run bench with 10,000 people', () => {
  it(
    'completes the job with every person verified, and prints the figures',
    async () => {
      const { code, out } = await run(
        process.execPath,
        [
          'node_modules/tsx/dist/cli.mjs',
          'bench/engine/engine.bench.ts',
          '--people',
          String(PEOPLE),
          '--baseline-concurrency',
          '1',
          '--no-write',
          '--log-level',
          'warn',
        ],
        15 * 60_000,
      );
      const row = (label: string) => out.split('\n').find((line) => line.startsWith(`| ${label}`)) ?? `(no row "${label}" in:\n${out.slice(-3000)})`;
      expect(row('job end')).toMatch(/\|\s+completed \|$/);
      expect(row('verified (every person changed once)')).toMatch(new RegExp(`\\|\\s+${PEOPLE}/${PEOPLE} \\|$`));
      expect(row('5-person probe')).toMatch(/\d+\.\d+ \(\d+\)/);
      expect(row('persons/s (total')).toMatch(/\|\s+\d+(\.\d+)? \|$/);
      expect(code).toBe(0);
    },
    16 * 60_000,
  );
});
