import pino from 'pino';
import { Writable } from 'node:stream';
import { loggedRequest, REDACTED_PATHS } from './core.module';

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

  it('masks every credential query parameter in the URL, whatever its case, and keeps the others', () => {
    const logged = loggedRequest(undefined)({ url: '/v1/batch-jobs/j1/events?access_token=S1&status=failed&Password=S2&api_key=S3&jwt=S4' });
    expect(logged.url).toBe('/v1/batch-jobs/j1/events?access_token=[Redacted]&status=failed&Password=[Redacted]&api_key=[Redacted]&jwt=[Redacted]');
  });

  it('has pino redact credential headers and query parameters from a request log line', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) });
    const log = pino({ redact: REDACTED_PATHS }, sink);
    log.info({
      req: {
        headers: { authorization: 'Bearer S1', cookie: 'sid=S2', 'proxy-authorization': 'Basic S3', accept: 'text/csv' },
        query: { access_token: 'S4', password: 'S5', status: 'ok' },
      },
      res: { headers: { 'set-cookie': 'sid=S6' } },
    });
    expect(lines.join('')).not.toMatch(/S[1-6]/);
    expect(lines.join('')).toContain('"status":"ok"');
  });
});
