/**
 * The links e-mails carry open `/console/#/<page>`: the token of an invitation or password reset stays
 * in the fragment, which never reaches a server. What such a link asks the console to show.
 */
export type EmailLink = { kind: 'invitation' | 'password-reset'; token: string } | { kind: 'page'; to: string };

export function emailLinkOf(pathname: string, hash: string): EmailLink | undefined {
  if (!/^\/console\/?$/.test(pathname) || !hash.startsWith('#/')) return undefined;
  const [page, ...rest] = hash.slice(2).split('/');
  const value = rest.join('/');
  if ((page === 'invitation' || page === 'password-reset') && value) return { kind: page, token: safeDecode(value) };
  if (page === 'jobs' && value) return { kind: 'page', to: `/jobs/${value}` };
  if (page === 'notifications') return { kind: 'page', to: '/inbox' };
  if (page === 'courses' || page === 'tasks' || page === 'certificates') return { kind: 'page', to: '/learning' };
  return { kind: 'page', to: '/' };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
