import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Repository root (this file lives in libs/testing/src/infra). */
export const REPO_ROOT = resolve(__dirname, '../../../..');

/** What is fetched or built once per machine: broker classpath, the FerretDB binary. */
export const CACHE_DIR = process.env.COHORT_CACHE_DIR ?? join(homedir(), '.cache', 'cohort');

/** Runtime data of the local infrastructure (git-ignored). */
export const DATA_DIR = process.env.COHORT_DATA_DIR ?? join(REPO_ROOT, '.cohort');

export const LOG_DIR = join(DATA_DIR, 'logs');
export const STATE_FILE = join(DATA_DIR, 'infra.json');
