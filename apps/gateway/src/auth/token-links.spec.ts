import { isPublicPath, isUnmeteredPath } from './caller';
import { isTokenLinkPath, maskTokenLinks } from './token-links';

describe('token links', () => {
  it('recognises the e-mailed links and nothing around them', () => {
    expect(isTokenLinkPath('/v1/invitations/abc.DEF_1/accept')).toBe(true);
    expect(isTokenLinkPath('/v1/password-resets/abc.DEF_1')).toBe(true);
    expect(isTokenLinkPath('/v1/invitations/abc')).toBe(false);
    expect(isTokenLinkPath('/v1/invitations/a/b/accept')).toBe(false);
    expect(isTokenLinkPath('/v1/password-resets/abc/other')).toBe(false);
    expect(isTokenLinkPath('/v1/imports')).toBe(false);
  });

  it('makes them public but, unlike the probes and docs, rate-limited', () => {
    expect(isPublicPath('/v1/password-resets/t')).toBe(true);
    expect(isUnmeteredPath('/v1/password-resets/t')).toBe(false);
    expect(isPublicPath('/metrics') && isUnmeteredPath('/metrics')).toBe(true);
    expect(isPublicPath('/v1/batch-jobs')).toBe(false);
  });

  it('masks the token of a link for the logs, leaving other URLs alone', () => {
    expect(maskTokenLinks('/v1/invitations/s3cr3t.t0ken/accept')).toBe('/v1/invitations/[token]/accept');
    expect(maskTokenLinks('/v1/password-resets/s3cr3t?x=1')).toBe('/v1/password-resets/[token]?x=1');
    expect(maskTokenLinks('/v1/batch-jobs/j-1?status=failed')).toBe('/v1/batch-jobs/j-1?status=failed');
  });
});
