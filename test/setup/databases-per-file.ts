import { createHash } from 'crypto';
import { basename } from 'path';

/**
 * Each spec file of the integration and browser projects gets databases of its own under the run's prefix
 * (jest gives every file its own process.env, read by the services a spec starts). The store then holds
 * only that file's people: on FerretDB, which pushes down little more than `_id` equality, a directory
 * search scans the whole collection, and with one shared database late specs searched every earlier
 * spec's people, past the gateway's upstream time-out. The run's teardown drops everything under the
 * run's prefix, these included.
 */
const file = expect.getState().testPath ?? '';
const slug = basename(file)
  .replace(/\.(int|browser)-spec\.ts$/, '')
  .replace(/[^a-zA-Z0-9]/g, '')
  .slice(0, 16);
const tag = createHash('sha1').update(file).digest('hex').slice(0, 4);
process.env.MONGO_DB_PREFIX = `${process.env.MONGO_DB_PREFIX}_${slug}${tag}`;
