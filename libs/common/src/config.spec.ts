import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives each service its own database, consumer group and default port', () => {
    const c = loadConfig('identity', { KAFKA_TOPIC_PREFIX: 'x.', MONGO_DB_PREFIX: 'test_1' });
    expect(c.port).toBe(3002);
    expect(c.mongo.dbName).toBe('test_1_identity');
    expect(c.kafka.groupId).toBe('x.cohort.identity');
    expect(c.kafka.sessionTimeoutMs).toBe(10000); // a crashed member's partitions move on after 10 s
    expect(c.urls.membership).toBe('http://127.0.0.1:3003');
  });

  it('shifts every default port with COHORT_PORT_BASE and honours PORT', () => {
    expect(loadConfig('learning', { COHORT_PORT_BASE: '4000' }).port).toBe(4004);
    expect(loadConfig('learning', { PORT: '9999' }).port).toBe(9999);
  });

  it('refuses a bad variable and names it', () => {
    expect(() => loadConfig('gateway', { MONGO_URL: 'postgres://x' })).toThrow(ConfigError);
    expect(() => loadConfig('gateway', { PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig('gateway', { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig('gateway', { KAFKA_SESSION_TIMEOUT_MS: '1000' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS/);
  });
});
