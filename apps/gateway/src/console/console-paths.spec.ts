import { isConsolePage, isReservedPath } from './console-paths';

describe('console paths', () => {
  it.each(['/v1', '/v1/people', '/docs', '/docs/', '/docs-json', '/health', '/metrics', '/console/config.json', '/console/dev/token'])(
    'leaves %s to the gateway',
    (path) => {
      expect(isReservedPath(path)).toBe(true);
      expect(isConsolePage(path)).toBe(false);
    },
  );

  it.each(['/', '/people', '/jobs', '/jobs/j-123', '/actions/change-role', '/inbox', '/v1x', '/healthy', '/console', '/console/'])('answers %s with the console', (path) => {
    expect(isConsolePage(path)).toBe(true);
  });

  it('does not answer a missing file with the page', () => {
    expect(isConsolePage('/assets/index-abc.js')).toBe(false);
    expect(isConsolePage('/favicon.ico')).toBe(false);
  });
});
