/**
 * The links e-mailed to people (accept an invitation, choose a new password): the token in their path
 * is the credential, so they need no bearer token, and the token must never reach a log line.
 */
const TOKEN_LINKS: readonly RegExp[] = [/^(\/v1\/invitations\/)([^/?#]+)(\/accept)$/, /^(\/v1\/password-resets\/)([^/?#]+)()$/];

/** Whether the path (without query string) is one of the e-mailed token links. */
export function isTokenLinkPath(path: string): boolean {
  return TOKEN_LINKS.some((link) => link.test(path));
}

/** The URL with the token of a token link replaced by `[token]` (any other URL as it is), for logs. */
export function maskTokenLinks(url: string): string {
  const q = url.search(/[?#]/);
  const path = q === -1 ? url : url.slice(0, q);
  const rest = q === -1 ? '' : url.slice(q);
  for (const link of TOKEN_LINKS) {
    if (link.test(path)) return path.replace(link, '$1[token]$3') + rest;
  }
  return url;
}
