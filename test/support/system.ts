import { INestApplication } from '@nestjs/common';
import { createServer } from 'node:net';
import { MongoClient } from 'mongodb';
import { createServiceApp } from '@cohort/common';
import { startService } from '@cohort/testing';

/** A person document as identity stores it, with sensible defaults. */
export function personDoc(tenantId: string, userId: string, fields: Record<string, unknown> = {}) {
  const now = new Date();
  return {
    _id: `${tenantId}:${userId}`,
    tenantId,
    userId,
    email: `${userId}@${tenantId}.test`.toLowerCase(),
    name: userId,
    search: `${userId} ${userId}@${tenantId}.test`.toLowerCase(),
    status: 'active',
    role: 'Learner',
    permissions: [] as string[],
    language: 'en',
    country: 'NL',
    profileVisibility: 'public',
    labels: [] as string[],
    specialisms: [] as string[],
    hireDate: new Date('2020-01-01T00:00:00Z'),
    lastActiveAt: null,
    anonymous: false,
    invitation: null,
    ops: [] as unknown[],
    createdAt: now,
    updatedAt: now,
    v: 1,
    ...fields,
  };
}

export interface CohortSystem {
  identity: INestApplication;
  orchestrator: INestApplication;
  gateway?: INestApplication;
  mongo: MongoClient;
  db: (service: string) => ReturnType<MongoClient['db']>;
  /** starts membership, learning or communications on the port the orchestrator was told about (stop() closes it unless closed before) */
  startParticipant: (service: 'membership' | 'learning' | 'communications') => Promise<INestApplication>;
  /** base URL of the orchestrator's internal API for a tenant */
  jobsUrl: (tenantId: string) => string;
  stop: () => Promise<void>;
}

/**
 * Identity, orchestrator (and the gateway) in this process on the real broker and store, on free
 * ports, wired to each other by URL. Modules read their config when imported, hence the late imports.
 */
export async function startSystem(options: { gateway?: boolean; env?: Record<string, string> } = {}): Promise<CohortSystem> {
  // the env is process-wide and jest runs every integration file in one process: stop() puts it back
  const saved = Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]));
  Object.assign(process.env, options.env ?? {});
  const mongo = await MongoClient.connect(process.env.MONGO_URL!);
  // the participants' ports first: identity calls membership too (the group names of an export)
  const participantPorts: Record<string, number> = {};
  for (const service of ['membership', 'learning', 'communications']) {
    participantPorts[service] = await freePort();
    process.env[`${service.toUpperCase()}_URL`] = `http://127.0.0.1:${participantPorts[service]}`;
  }
  const { IdentityModule } = await import('../../apps/identity/src/identity.module');
  const identity = await startService(IdentityModule);
  process.env.IDENTITY_URL = (await identity.getUrl()).replace('[::1]', '127.0.0.1');
  const { OrchestratorModule } = await import('../../apps/orchestrator/src/orchestrator.module');
  const orchestrator = await startService(OrchestratorModule);
  process.env.ORCHESTRATOR_URL = (await orchestrator.getUrl()).replace('[::1]', '127.0.0.1');
  let gateway: INestApplication | undefined;
  if (options.gateway) {
    const { GatewayModule } = await import('../../apps/gateway/src/gateway.module');
    gateway = await startService(GatewayModule);
  }
  const db = (service: string) => mongo.db(`${process.env.MONGO_DB_PREFIX}_${service}`);
  /** participants started and not closed yet: stop() closes them */
  const participants = new Set<INestApplication>();
  const system: CohortSystem = {
    identity,
    orchestrator,
    gateway,
    mongo,
    db,
    startParticipant: async (service) => {
      const modules = {
        membership: async () => (await import('../../apps/membership/src/membership.module')).MembershipModule,
        learning: async () => (await import('../../apps/learning/src/learning.module')).LearningModule,
        communications: async () => (await import('../../apps/communications/src/communications.module')).CommunicationsModule,
      };
      const app = await createServiceApp(await modules[service](), { port: participantPorts[service] });
      participants.add(app);
      const close = app.close.bind(app);
      app.close = async () => {
        participants.delete(app);
        await close();
      };
      return app;
    },
    jobsUrl: (tenantId) => `${process.env.ORCHESTRATOR_URL}/internal/tenants/${tenantId}/jobs`,
    // closes the apps the system holds now (a test may have replaced one, e.g. to restart it)
    stop: async () => {
      for (const app of [...participants]) await app.close();
      await system.gateway?.close();
      await system.orchestrator.close();
      await system.identity.close();
      await mongo.close();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
  return system;
}

export async function postJson<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function getJson<T = Record<string, unknown>>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
