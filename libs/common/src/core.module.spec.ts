import { loggedRequest } from './core.module';

describe('request logging', () => {
  it('never shows a token from the query string or a masked path, nor the path again in params', () => {
    const mask = (url: string) => url.replace(/^(\/v1\/invitations\/)[^/?#]+/, '$1[token]');
    const logged = loggedRequest(mask)({
      url: '/v1/invitations/SECRET1/accept?x=1&token=SECRET2',
      params: { path: ['v1', 'invitations', 'SECRET1'] },
    });
    expect(JSON.stringify(logged)).not.toMatch(/SECRET/);
    expect(logged.url).toBe('/v1/invitations/[token]/accept?x=1&token=[Redacted]');
    expect(loggedRequest(undefined)({ url: '/health' }).url).toBe('/health');
  });
});
