import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
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

export function issueToken(tenantId: string, userId: string): IssuedToken {
  const secret = randomBytes(32).toString('base64url');
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

/** An access code for an anonymous account: 10 characters without look-alikes (0/O, 1/I/l), read out or printed. */
export function newAccessCode(length = 10): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}
