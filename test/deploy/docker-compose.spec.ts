/** The container setup (DESIGN.md §6): docker-compose.yml and the shared multi-stage Dockerfile. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { topicPlan, topicsFor } from '@cohort/contracts';

const root = path.resolve(__dirname, '../..');
const APPS = ['gateway', 'orchestrator', 'identity', 'membership', 'learning', 'communications'];
/** every topic the services use, with its dead-letter topic, as the infra scripts create them */
const TOPIC_PLAN = topicPlan(topicsFor(''), 6);

interface Service {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  ports?: string[];
}

const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');

function service(name: string): Service {
  const s = compose.services[name];
  if (!s) throw new Error(`docker-compose.yml has no service "${name}"`);
  return s;
}

/** A service's environment as a name → value map, whether written as a map or as KEY=value lines. */
function env(name: string): Record<string, string> {
  const e = service(name).environment ?? {};
  const entries = Array.isArray(e) ? e.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]) : Object.entries(e);
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
}

function commandText(name: string): string {
  const c = service(name).command ?? '';
  return Array.isArray(c) ? c.join(' ') : c;
}

describe('docker-compose.yml', () => {
  it('has the infrastructure and all six apps', () => {
    for (const name of ['kafka', 'kafka-init', 'mongo', 'smtp', ...APPS]) expect(service(name)).toBeDefined();
  });

  describe.each(APPS)('%s', (app) => {
    it('builds from the shared Dockerfile with its APP build arg', () => {
      const { build, image } = service(app);
      expect(build?.context).toBe('.');
      expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      expect(build?.args?.APP).toBe(app);
      expect(image).toBe(`cohort/${app}:local`);
    });

    it('gets the shared environment', () => {
      expect(env(app)).toMatchObject({
        KAFKA_BROKERS: 'kafka:9092',
        MONGO_URL: 'mongodb://mongo:27017/?replicaSet=rs0',
        PORT: '3000',
        JWT_SECRET: expect.stringContaining('JWT_SECRET'),
      });
    });

    it('ships no secret: compose asks for each one instead of falling back to a value', () => {
      for (const name of ['JWT_SECRET', 'IDENTITY_TOKEN_SECRET'])
        expect([name, env(app)[name]]).toEqual([name, expect.stringMatching(new RegExp(`^\\$\\{${name}:\\?`))]);
    });

    it('waits for the topics and a healthy database', () => {
      expect(service(app).depends_on).toMatchObject({
        'kafka-init': { condition: 'service_completed_successfully' },
        mongo: { condition: 'service_healthy' },
      });
    });
  });

  it('publishes the gateway on port 3000 and points it at every service', () => {
    expect(service('gateway').ports).toContain('3000:3000');
    expect(env('gateway')).toMatchObject({
      IDENTITY_URL: 'http://identity:3000',
      MEMBERSHIP_URL: 'http://membership:3000',
      LEARNING_URL: 'http://learning:3000',
      COMMUNICATIONS_URL: 'http://communications:3000',
      ORCHESTRATOR_URL: 'http://orchestrator:3000',
      PUBLIC_URL: 'http://localhost:3000',
    });
  });

  it('gives the orchestrator the identity URL', () => {
    expect(env('orchestrator').IDENTITY_URL).toBe('http://identity:3000');
  });

  it('connects communications to the SMTP catcher', () => {
    expect(env('communications')).toMatchObject({ SMTP_URL: 'smtp://smtp:1025', PUBLIC_URL: 'http://localhost:3000' });
    expect(service('communications').depends_on).toHaveProperty('smtp');
  });

  it('runs Kafka as a single KRaft node with topic auto-creation off', () => {
    const kafka = env('kafka');
    expect(service('kafka').image).toBe('apache/kafka:3.9.1');
    expect(kafka.KAFKA_PROCESS_ROLES.split(',').sort()).toEqual(['broker', 'controller']);
    expect(kafka.KAFKA_ADVERTISED_LISTENERS).toBe('PLAINTEXT://kafka:9092');
    expect(kafka.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
  });

  it('runs MongoDB as a replica set', () => {
    expect(commandText('mongo')).toMatch(/--replSet\s+rs0/);
  });

  it('creates every topic and its dead-letter topic in kafka-init', () => {
    const script = commandText('kafka-init');
    expect(script).toContain('--if-not-exists');
    const created = new Map([...script.matchAll(/^\s*topic\s+(\S+)\s+(\d+)\s*$/gm)].map(([, name, partitions]) => [name, Number(partitions)]));
    expect(Object.fromEntries(created)).toEqual(Object.fromEntries(TOPIC_PLAN.map((t) => [t.topic, t.numPartitions])));
  });
});

describe('Dockerfile', () => {
  it('selects the app with ARG APP', () => {
    expect(dockerfile).toMatch(/^ARG APP\b/m);
    expect(dockerfile).toMatch(/^CMD .*dist\/apps\/\$\{APP\}\/src\/main\.js/m);
  });

  it('has a runtime stage that runs as a non-root user', () => {
    const runtime = dockerfile.split(/^FROM /m).find((stage) => /^\S+ AS runtime\b/i.test(stage));
    expect(runtime).toBeDefined();
    const users = [...runtime!.matchAll(/^USER\s+(\S+)/gm)].map(([, user]) => user);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });
});
