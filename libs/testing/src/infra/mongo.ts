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
  // Close each update's read (its query cursor) before its write. FerretDB 1.24 keeps the read open
  // while it writes the matched documents on another connection, so a write always starts with a
  // reader on the write-ahead log: SQLite can never restart the log, which grows without bound (69 GB
  // over a 1,000,000-person job) and slows every read as it grows. The delete path already does this.
  // Also frees each statement's connection at once (a bulk of ~50+ updates otherwise exhausts the pool).
  {
    file: 'internal/handler/msg_update.go',
    from: '\t\tdefer closer.Close()\n',
    to: '',
  },
  {
    file: 'internal/handler/msg_update.go',
    from: '\t\tresult, err := common.UpdateDocument(ctx, c, "update", iter, &u)\n',
    to:
      '\t\ttoUpdate, err := iterator.ConsumeValues(iter)\n\t\tcloser.Close()\n' +
      '\t\tif err != nil {\n\t\t\treturn 0, 0, nil, lazyerrors.Error(err)\n\t\t}\n' +
      '\t\tupdateIter := iterator.Values(iterator.ForSlice(toUpdate))\n' +
      '\t\tresult, err := common.UpdateDocument(ctx, c, "update", updateIter, &u)\n\t\tupdateIter.Close()\n',
  },
  // The same for findAndModify (one document): read it, close the read, then write.
  {
    file: 'internal/handler/msg_findandmodify.go',
    from: '\titer = common.LimitIterator(iter, closer, 1)\n',
    to:
      '\titer = common.LimitIterator(iter, closer, 1)\n\n' +
      '\tfound, err := iterator.ConsumeValues(iter)\n\tqueryRes.Iter.Close()\n' +
      '\tif err != nil {\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n' +
      '\titer = iterator.Values(iterator.ForSlice(found))\n\tcloser.Add(iter)\n',
  },
];

/** where this build (version and patches: bump the suffix when PATCHES change) lives in the cache */
const FERRETDB_BUILD_DIR = join(CACHE_DIR, `ferretdb-${FERRETDB_VERSION}-p3`);

export function ferretdbBinary(): string {
  return join(FERRETDB_BUILD_DIR, 'ferretdb');
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
    mkdirSync(FERRETDB_BUILD_DIR, { recursive: true });
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
