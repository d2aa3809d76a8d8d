/** Which local process listens on a TCP port, read from /proc (Linux): how the bench finds a store or broker it did not start. */
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
