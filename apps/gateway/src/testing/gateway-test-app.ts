import { INestApplication } from '@nestjs/common';
import { signToken } from '@cohort/auth';
import type { CohortClaims } from '@cohort/auth';
import type { PersonView } from '@cohort/contracts';
import { FakeAccounts } from './fake-accounts';
import { FakeUpstream } from './fake-upstream';

export const TEST_SECRET = 'gateway-unit-test-secret';

/** The accounts the fake identity stores (one set per test file): `bearer()` stores its caller's. */
export const ACCOUNTS = new FakeAccounts();

export interface GatewayUnderTest {
  app: INestApplication;
  orchestrator: FakeUpstream;
  identity: FakeUpstream;
  membership: FakeUpstream;
  learning: FakeUpstream;
  /** unused when the test points COMMUNICATIONS_URL at a fake of its own */
  communications: FakeUpstream;
  accounts: FakeAccounts;
  close(): Promise<void>;
}

/**
 * Starts fake orchestrator, identity, membership, learning and communications services, points the
 * gateway's environment at them (and at a closed Kafka port: no broker in unit tests), then boots the
 * gateway as `main.ts` does, on port 0. The gateway module reads its config when imported, so it is
 * imported only after the environment is set. Callers' accounts are looked up on every request
 * (GATEWAY_AUTH_CACHE_MS=0) unless `env` says otherwise.
 */
export async function startGateway(env: Record<string, string> = {}): Promise<GatewayUnderTest> {
  const orchestrator = new FakeUpstream();
  const identity = new FakeUpstream(ACCOUNTS);
  const membership = new FakeUpstream();
  const learning = new FakeUpstream();
  const communications = new FakeUpstream();
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    KAFKA_BROKERS: '127.0.0.1:1',
    JWT_SECRET: TEST_SECRET,
    GATEWAY_AUTH_CACHE_MS: '0',
    ORCHESTRATOR_URL: await orchestrator.start(),
    IDENTITY_URL: await identity.start(),
    MEMBERSHIP_URL: await membership.start(),
    LEARNING_URL: await learning.start(),
    COMMUNICATIONS_URL: await communications.start(),
    ...env,
  });
  const { createServiceApp } = await import('@cohort/common');
  const { GatewayModule } = await import('../gateway.module');
  const app = await createServiceApp(GatewayModule, { consume: false, port: 0 });
  const fakes = [orchestrator, identity, membership, learning, communications];
  const close = async () => {
    await app.close();
    await Promise.all(fakes.map((fake) => fake.stop()));
  };
  return { app, orchestrator, identity, membership, learning, communications, accounts: ACCOUNTS, close };
}

export const CALLER: CohortClaims = { sub: 'u-admin', tid: 'acme', role: 'Admin', email: 'admin@acme.test' };

/**
 * `Authorization` header value for a caller (the Admin of tenant acme by default). Stores the caller's
 * account in the fake identity: active, with the token's role and permissions, unless `stored` says
 * otherwise (e.g. `{status: 'deactivated'}` or `{role: 'Learner'}`).
 */
export function bearer(claims: Partial<CohortClaims> = {}, secret = TEST_SECRET, stored: Partial<PersonView> = {}): string {
  const caller = { ...CALLER, ...claims };
  ACCOUNTS.store(caller, stored);
  return `Bearer ${signToken(caller, secret)}`;
}
