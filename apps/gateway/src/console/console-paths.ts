/** Paths the console never answers: the HTTP API, its docs and the chassis' probes stay the gateway's. */
const RESERVED = ['/v1', '/docs', '/health', '/metrics', '/console'];

/** Whether a request path belongs to the API, the docs, the probes or the console's own JSON routes. */
export function isReservedPath(path: string): boolean {
  return path.startsWith('/docs-') || RESERVED.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Whether a GET of this path is a page of the single-page console, answered with its index.html: not a
 * reserved path, and not a file (a missing `/assets/x.js` is a 404, not the page).
 */
export function isConsolePage(path: string): boolean {
  // the e-mailed links open `/console/#/<page>`: the page is `/console`, the rest is in the fragment
  if (path === '/console' || path === '/console/') return true;
  if (isReservedPath(path)) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}
