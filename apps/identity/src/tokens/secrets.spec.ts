import { hashSecret, issueToken, newAccessCode, parseToken, sha256Hex, verifySecret } from './secrets';

describe('secrets', () => {
  it('a token names its person and matches only the stored hash of its own secret', () => {
    const a = issueToken('acme', 'u.1');
    const b = issueToken('acme', 'u.1');
    expect(parseToken(a.token)).toEqual({ tenantId: 'acme', userId: 'u.1', hash: a.hash });
    expect(parseToken(b.token)!.hash).not.toBe(a.hash);
    expect(a.token).not.toContain(a.hash);
  });

  it('a seeded token or access code is the same on every redelivery of its op, and differs per op and person', () => {
    expect(issueToken('acme', 'u1', 'job:0')).toEqual(issueToken('acme', 'u1', 'job:0'));
    expect(issueToken('acme', 'u1', 'job:0').hash).not.toBe(issueToken('acme', 'u1', 'job2:0').hash);
    expect(issueToken('acme', 'u1', 'job:0').hash).not.toBe(issueToken('acme', 'u2', 'job:0').hash);
    const seed = { tenantId: 'acme', userId: 'u1', key: 'job:0' };
    expect(newAccessCode(seed)).toBe(newAccessCode(seed));
    expect(newAccessCode(seed)).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(newAccessCode({ ...seed, key: 'job:1' })).not.toBe(newAccessCode(seed));
  });

  it('refuses what is not a token', () => {
    for (const bad of [
      '',
      'abc',
      'x.y',
      `${Buffer.from('nocolon').toString('base64url')}.${'a'.repeat(43)}`,
      `${Buffer.from('t:u').toString('base64url')}.short`,
    ]) {
      expect(parseToken(bad)).toBeUndefined();
    }
  });

  it('hashes secrets with a salt and verifies them', async () => {
    const stored = await hashSecret('correct horse');
    expect(stored).not.toBe(await hashSecret('correct horse'));
    await expect(verifySecret('correct horse', stored)).resolves.toBe(true);
    await expect(verifySecret('wrong horse', stored)).resolves.toBe(false);
    await expect(verifySecret('x', null)).resolves.toBe(false);
  });

  it('access codes avoid look-alike characters', () => {
    const code = newAccessCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(sha256Hex('a')).toHaveLength(64);
  });
});
