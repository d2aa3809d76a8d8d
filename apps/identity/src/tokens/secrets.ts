import { createHash, createHmac, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

/**
 * Tokens sent by e-mail (invitation, password reset) are `<base64url(tenantId:userId)>.<secret>`: the
 * first part addresses the person by `_id` (the one lookup FerretDB serves from an index), the secret
 * is 32 random bytes of which only the sha256 is stored. A fast hash suffices for 256-bit secrets;
 * passwords and access codes, chosen or read by humans, get scrypt.
 */
export interface IssuedToken {
  /** the whole token, for the e-mail link only: never stored */
  token: string;
  /** sha256 (hex) of the secret: what the person document keeps */
  hash: string;
}

/**
 * Issues a token. With `seed` (the op key of the (job, step) issuing it) the secret is derived, not
 * random: a redelivered step re-derives the very token whose hash it stored, so the e-mail step can be
 * handed the same link again without identity ever storing the token itself.
 */
export function issueToken(tenantId: string, userId: string, seed?: string): IssuedToken {
  const secret = seed === undefined ? randomBytes(32).toString('base64url') : derive('token', tenantId, userId, seed).toString('base64url');
  return { token: `${Buffer.from(`${tenantId}:${userId}`).toString('base64url')}.${secret}`, hash: sha256Hex(secret) };
}

/** Who a token names and the hash to match, or undefined when it is not a token of ours. */
export function parseToken(token: string): { tenantId: string; userId: string; hash: string } | undefined {
  const match = /^([A-Za-z0-9_-]{4,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const subject = Buffer.from(match[1], 'base64url').toString('utf8');
  const colon = subject.indexOf(':');
  if (colon <= 0 || colon === subject.length - 1) return undefined;
  return { tenantId: subject.slice(0, colon), userId: subject.slice(colon + 1), hash: sha256Hex(match[2]) };
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** `scrypt$<salt>$<hash>` (base64url parts) of a password or access code. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(secret, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifySecret(secret: string, stored: string | null | undefined): Promise<boolean> {
  const [scheme, salt, hash] = (stored ?? '').split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * An access code for an anonymous account: 10 characters without look-alikes (0/O, 1/I/l), read out or
 * printed. With `seed` (an op key) it is derived, so a redelivered step reports the same code.
 */
export function newAccessCode(seed?: { tenantId: string; userId: string; key: string }, length = 10): string {
  if (!seed) return Array.from({ length }, () => ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)]).join('');
  const bytes = derive('access-code', seed.tenantId, seed.userId, seed.key);
  return Array.from({ length }, (_, i) => ACCESS_CODE_ALPHABET[bytes[i] % ACCESS_CODE_ALPHABET.length]).join('');
}

/** The development default; deployments set IDENTITY_TOKEN_SECRET (see README). */
const DEV_SECRET = 'cohort-dev-only-identity-token-secret';

/** HMAC-SHA256 under identity's secret of a purpose and the parts naming one (person, op). */
function derive(purpose: string, ...parts: string[]): Buffer {
  return createHmac('sha256', process.env.IDENTITY_TOKEN_SECRET || DEV_SECRET)
    .update([purpose, ...parts].join('\u0000'))
    .digest();
}
