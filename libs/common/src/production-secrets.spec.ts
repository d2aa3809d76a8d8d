import { ConfigError, loadConfig } from './config';
import { productionSecretProblems } from './production-secrets';

const strong = 'k3Pq9vT2xW8zL5mN7bR4cY6dF1gH0jSa'; // 32 bytes

describe('the production secret guard', () => {
  it.each([
    ['missing', undefined, 'JWT_SECRET is not set'],
    ['empty', '', 'JWT_SECRET is not set'],
    ['the source fallback', 'cohort-dev-secret-change-me', 'JWT_SECRET is a development or placeholder value'],
    ["docker-compose's old default", 'change-me-in-production', 'JWT_SECRET is a development or placeholder value'],
    [
      "the k8s template's placeholder, however long",
      'REPLACE-ME-jwt-secret-that-is-long-enough-to-pass',
      'JWT_SECRET is a development or placeholder value',
    ],
    ['31 bytes', strong.slice(1), 'JWT_SECRET is shorter than 32 bytes'],
  ])('refuses a gateway whose JWT_SECRET is %s, naming the variable and never the value', (_what, value, problem) => {
    const env = { NODE_ENV: 'production', JWT_SECRET: value };
    expect(productionSecretProblems('gateway', env)).toEqual([problem]);
    let error: unknown;
    try {
      loadConfig('gateway', env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`gateway refuses to start in production (NODE_ENV=production): ${problem}`);
    if (value) expect((error as Error).message).not.toContain(value);
  });

  it('refuses identity without a strong IDENTITY_TOKEN_SECRET, and the fallback identity would use', () => {
    expect(() => loadConfig('identity', { NODE_ENV: 'production' })).toThrow('IDENTITY_TOKEN_SECRET is not set');
    expect(() => loadConfig('identity', { NODE_ENV: 'production', IDENTITY_TOKEN_SECRET: 'cohort-dev-only-identity-token-secret' })).toThrow(
      'IDENTITY_TOKEN_SECRET is a development or placeholder value',
    );
  });

  it('starts with strong secrets; services that hold none need none; outside production the fallbacks serve', () => {
    expect(loadConfig('gateway', { NODE_ENV: 'production', JWT_SECRET: strong }).jwtSecret).toBe(strong);
    expect(loadConfig('identity', { NODE_ENV: 'production', IDENTITY_TOKEN_SECRET: `${strong}é` }).service).toBe('identity');
    expect(loadConfig('orchestrator', { NODE_ENV: 'production' }).service).toBe('orchestrator');
    expect(loadConfig('gateway', { NODE_ENV: 'test' }).jwtSecret).toBe('cohort-dev-secret-change-me');
  });
});
