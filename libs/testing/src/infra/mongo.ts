import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { MongoClient } from 'mongodb';
import { CACHE_DIR, DATA_DIR } from './paths';
import { InfraError, assertPortFree, requireTool, run, startDetached, waitFor } from './processes';

export const FERRETDB_VERSION = 'v1.24.0';
export const MONGO_PORT = Number(process.env.COHORT_MONGO_PORT ?? 27018);
const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';

/** Source fixes applied before the build; each must apply exactly, or the build stops. */
const PATCHES: { file: string; from: string; to: string }[] = [
  // Use the _id index for point queries, updates and deletes (the index is on ->"_id").
  {
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: 'IDColumn = DefaultColumn + `->"_id"`',
  },
  // Close each update statement's cursor when that statement is done, not when the whole
  // command is: a bulk update of ~50+ statements otherwise exhausts the 100-connection pool and hangs.
  {
    file: 'internal/handler/msg_update.go',
    from: '\t\tdefer closer.Close()\n',
    to: '',
  },
  {
    file: 'internal/handler/msg_update.go',
    from: '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n',
    to: '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n\t\tcloser.Close()\n',
  },
];

export function ferretdbBinary(): string {
  return join(CACHE_DIR, `ferretdb-${FERRETDB_VERSION}-p2`, 'ferretdb');
}

/** Builds FerretDB from the Go module proxy once per machine (see deploy/local/ferretdb/README.md). */
export function buildFerretdb(): string {
  const bin = ferretdbBinary();
  if (existsSync(bin)) return bin;
  requireTool('go', 'version', 'install Go (or set MONGO_URL, or put mongod on PATH) to build FerretDB');
  const info = JSON.parse(run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], { cwd: tmpdir() })) as { Dir: string };
  const src = mkdtempSync(join(tmpdir(), 'cohort-ferretdb-'));
  try {
    cpSync(info.Dir, src, { recursive: true });
    run('chmod', ['-R', 'u+w', src]);
    writeFileSync(join(src, 'build/version/version.txt'), `${FERRETDB_VERSION}\n`);
    for (const { file, from, to } of PATCHES) {
      const code = readFileSync(join(src, file), 'utf8');
      if (code.split(from).length !== 2) throw new InfraError(`FerretDB source changed: a patch to ${file} does not apply`);
      writeFileSync(join(src, file), code.replace(from, to));
    }
    mkdirSync(join(CACHE_DIR, `ferretdb-${FERRETDB_VERSION}-p2`), { recursive: true });
    run('go', ['build', '-trimpath', '-o', bin, './cmd/ferretdb'], { cwd: src, env: { CGO_ENABLED: '0' } });
    chmodSync(bin, 0o755);
    return bin;
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

export function mongodOnPath(): boolean {
  const r = spawnSync('mongod', ['--version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

export async function mongoReady(url: string): Promise<boolean> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    const r = await client.db('admin').command({ ping: 1 });
    return r.ok === 1;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Starts mongod if it is on PATH, otherwise FerretDB on SQLite; both on 127.0.0.1:27018. */
export async function startMongo(): Promise<{ pid: number; url: string; kind: 'mongod' | 'ferretdb' }> {
  await assertPortFree(MONGO_PORT, 'MongoDB protocol', 'MONGO_URL to use a running server');
  const url = `mongodb://127.0.0.1:${MONGO_PORT}/`;
  if (mongodOnPath()) {
    const dir = join(DATA_DIR, 'mongod');
    mkdirSync(dir, { recursive: true });
    const pid = startDetached('mongod', 'mongod', ['--dbpath', dir, '--port', String(MONGO_PORT), '--bind_ip', '127.0.0.1', '--quiet']);
    await waitFor('mongod', pid, () => mongoReady(url), 60_000);
    return { pid, url, kind: 'mongod' };
  }
  const bin = buildFerretdb();
  const dir = join(DATA_DIR, 'ferretdb');
  mkdirSync(dir, { recursive: true });
  const pid = startDetached('ferretdb', bin, [
    '--handler=sqlite',
    `--sqlite-url=file:${dir}/`,
    `--listen-addr=127.0.0.1:${MONGO_PORT}`,
    `--state-dir=${dir}`,
    '--telemetry=disable',
    '--debug-addr=127.0.0.1:0',
    '--log-level=warn',
    '--log-format=json',
  ]);
  await waitFor('ferretdb', pid, () => mongoReady(url), 30_000);
  return { pid, url, kind: 'ferretdb' };
}
