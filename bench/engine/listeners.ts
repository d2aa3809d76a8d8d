/** Which local process listens on a TCP port, read from /proc (Linux): how the bench finds a store or broker it did not start. */
import { readState } from '@cohort/testing/infra/infra';
import { listeners } from '@cohort/testing/infra/processes';

/** The pid of the process listening on `port`, when this user may see its file descriptors; undefined otherwise. */
export function pidListeningOn(port: number): number | undefined {
  return listeners(port)[0];
}

/** The port of a `host:port` or URL, or undefined. */
export function portOf(address: string): number | undefined {
  const m = /:(\d+)(?:\/|$|\?)/.exec(address.split(',')[0]);
  return m ? Number(m[1]) : undefined;
}

/** The store's pid: the one the project's infra scripts started, or the local process listening on the URL's port. */
export function storePid(mongoUrl: string): number | undefined {
  const state = readState().mongo;
  if (state?.pid && state.url === mongoUrl) return state.pid;
  const port = portOf(mongoUrl);
  return /127\.0\.0\.1|localhost/.test(mongoUrl) && port ? pidListeningOn(port) : undefined;
}
