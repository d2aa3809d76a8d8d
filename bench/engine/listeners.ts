/** Which local process listens on a TCP port, read from /proc (Linux): how the bench finds a store or broker it did not start. */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Socket inodes of sockets listening on `port` (IPv4 and IPv6 tables). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is "<hex ip>:<hex port>", st 0A is LISTEN, the inode is the 10th column
      if (cols.length > 9 && cols[3] === '0A' && parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
    }
  }
  return inodes;
}

/** The pid of the process listening on `port`, when this user may see its file descriptors; undefined otherwise. */
export function pidListeningOn(port: number): number | undefined {
  const inodes = listeningInodes(port);
  if (!inodes.size) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(entry);
      } catch {
        /* gone meanwhile */
      }
    }
  }
  return undefined;
}

/** The port of a `host:port` or URL, or undefined. */
export function portOf(address: string): number | undefined {
  const m = /:(\d+)(?:\/|$|\?)/.exec(address.split(',')[0]);
  return m ? Number(m[1]) : undefined;
}
