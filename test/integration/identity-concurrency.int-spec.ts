import { uniqueTenant } from '@cohort/testing';
import { TenantsRepository } from '../../apps/identity/src/tenants/tenants.repository';
import { TokenUsesRepository } from '../../apps/identity/src/tokens/token-uses.repository';
import { CohortSystem, startSystem } from '../support/system';

/**
 * The two guarantees that must hold under concurrency on the real store (FerretDB 1.x runs a
 * conditional update as a separate read and write, so these are built on unique-`_id` inserts):
 * a tenant never loses its last Owner, and a link is used once.
 */
describe('identity guards under concurrency (real store)', () => {
  let system: CohortSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('two chunks removing the last two Owners at once: exactly one passes, every time', async () => {
    const tenants = system.identity.get(TenantsRepository);
    for (let round = 0; round < 8; round++) {
      const tenant = uniqueTenant('owners');
      await system
        .db('identity')
        .collection('tenants')
        .insertOne({ _id: tenant, owners: ['o1', 'o2'] } as never);
      const passed = await Promise.all(['o1', 'o2'].map((o) => tenants.removeOwnerIfAnotherRemains(tenant, o)));
      expect(passed.filter(Boolean)).toHaveLength(1);
      expect(await tenants.owners(tenant)).toHaveLength(1);
    }
  });

  it('concurrent owners-list changes are never lost', async () => {
    const tenants = system.identity.get(TenantsRepository);
    const tenant = uniqueTenant('owners-add');
    await system
      .db('identity')
      .collection('tenants')
      .insertOne({ _id: tenant, owners: ['o0'] } as never);
    await Promise.all(Array.from({ length: 6 }, (_, i) => tenants.addOwners(tenant, [`o${i + 1}`])));
    expect((await tenants.owners(tenant)).sort()).toEqual(['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
  });

  it('a token claimed by eight requests at once is used exactly once', async () => {
    const uses = system.identity.get(TokenUsesRepository);
    const hash = `h-${Date.now()}`;
    const claims = await Promise.all(Array.from({ length: 8 }, () => uses.claim('invitation', hash)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });
});
