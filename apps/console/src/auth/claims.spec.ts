import { readClaims } from './claims';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (payload: unknown) => `${encode({ alg: 'HS256' })}.${encode(payload)}.signature`;

describe('readClaims', () => {
  it('reads the Cohort claims of a token, names with any characters included', () => {
    const claims = readClaims(token({ sub: 'u-1', tid: 'acme', role: 'Admin', email: 'zoë@acme.test', exp: Date.now() / 1000 + 60 }));
    expect(claims).toMatchObject({ sub: 'u-1', tid: 'acme', role: 'Admin', email: 'zoë@acme.test' });
  });

  it('says why a token cannot be used', () => {
    expect(readClaims('abc')).toMatch(/three parts/);
    expect(readClaims('a.%%%.c')).toMatch(/cannot be read/);
    expect(readClaims(token({ sub: 'u-1', tid: 'acme', role: 'Admin' }))).toMatch(/"email"/);
    expect(readClaims(token({ sub: 'u-1', tid: 'acme', role: 'Admin', email: 'a@b.c', exp: 1 }))).toMatch(/expired/);
  });
});
