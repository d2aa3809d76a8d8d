/** What the console reads from a token (unverified: the gateway verifies it on every call). */
export interface TokenClaims {
  sub: string;
  tid: string;
  role: string;
  email: string;
  exp?: number;
}

/** The claims of a JWT, or an error message saying why this is not a Cohort token. */
export function readClaims(token: string): TokenClaims | string {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return 'This is not a token: a token has three parts separated by dots.';
  let payload: Record<string, unknown>;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    payload = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return 'This token cannot be read.';
  }
  for (const key of ['sub', 'tid', 'role', 'email'] as const) {
    if (typeof payload[key] !== 'string') return `This token has no "${key}" claim: it is not a Cohort token.`;
  }
  if (typeof payload.exp === 'number' && payload.exp * 1000 < Date.now()) return 'This token has expired: get a new one.';
  return {
    sub: payload.sub as string,
    tid: payload.tid as string,
    role: payload.role as string,
    email: payload.email as string,
    exp: payload.exp as number | undefined,
  };
}
