import { sign } from 'jsonwebtoken';
import { CohortClaims, signToken, verifyToken } from './token';

const claims: CohortClaims = { sub: 'u-0001', tid: 'demo', role: 'Owner', email: 'owner@demo.test', perms: ['delete'] };
const secret = 'test-secret';

describe('signToken / verifyToken', () => {
  it('round-trips the claims', () => {
    expect(verifyToken(signToken(claims, secret), secret)).toEqual(claims);
  });

  it('leaves perms out when the token has none', () => {
    const { perms: _perms, ...withoutPerms } = claims;
    expect(verifyToken(signToken(withoutPerms, secret), secret)).toEqual(withoutPerms);
  });

  it('rejects a token signed with another secret', () => {
    expect(() => verifyToken(signToken(claims, 'other-secret'), secret)).toThrow();
  });

  it('rejects an expired token', () => {
    const expired = sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, secret, { algorithm: 'HS256' });
    expect(() => verifyToken(expired, secret)).toThrow(/expired/);
  });

  it('rejects an unsigned token (alg: none)', () => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp })}.`;
    expect(() => verifyToken(unsigned, secret)).toThrow();
  });

  it('rejects a token of another HMAC algorithm', () => {
    const hs512 = sign({ ...claims }, secret, { algorithm: 'HS512' });
    expect(() => verifyToken(hs512, secret)).toThrow();
  });

  it('rejects a token without a tenant', () => {
    const { tid: _tid, ...noTenant } = claims;
    const token = sign(noTenant, secret, { algorithm: 'HS256', expiresIn: '1h' });
    expect(() => verifyToken(token, secret)).toThrow(/tid/);
  });

  it('refuses to sign claims without a tenant', () => {
    expect(() => signToken({ ...claims, tid: '' }, secret)).toThrow(/tid/);
  });
});
