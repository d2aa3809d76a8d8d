import type { PersonView } from '@cohort/contracts';
import { testPersonView } from '@cohort/testing/fixtures/person-view';
import type { GatewayConfig } from '../gateway.config';
import { ApiError } from '../gateway.errors';
import type { IdentityClient } from '../upstream/identity.client';
import { ACCOUNT_CACHE_ENTRIES, CallerAccounts, callerOf } from './caller-accounts';

const person = (fields: Partial<PersonView> = {}): PersonView =>
  testPersonView('u-1', { tenantId: 'acme', email: 'u-1@acme.test', name: 'U 1', ...fields });
const claims = { sub: 'u-1', tid: 'acme', role: 'Admin' as const, email: 'old@acme.test', perms: ['delete'] };

describe('callerOf', () => {
  it('keeps tenant and user of the token but takes role, permissions and e-mail from the stored account', () => {
    expect(callerOf(claims, person({ permissions: ['invitations'] }))).toEqual({
      sub: 'u-1',
      tid: 'acme',
      role: 'Learner',
      email: 'u-1@acme.test',
      perms: ['invitations'],
    });
  });

  it.each(['deactivated', 'archived', 'pending-deletion', 'invited'] as const)('refuses a %s account: 401 AUTH.ACCOUNT_INACTIVE', (status) => {
    expect(() => callerOf(claims, person({ status }))).toThrow(
      expect.objectContaining({ code: 'AUTH.ACCOUNT_INACTIVE', message: `this account is ${status}`, details: { status } }),
    );
  });

  it('refuses an account identity does not know: 401 AUTH.UNAUTHENTICATED', () => {
    expect(() => callerOf(claims, undefined)).toThrow(expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }));
  });
});

describe('CallerAccounts', () => {
  let now = 1_000_000;
  let lookup: jest.Mock<Promise<PersonView>, [string, string]>;
  const accounts = (authCacheMs: number) => new CallerAccounts({ person: lookup } as unknown as IdentityClient, { authCacheMs } as GatewayConfig);

  beforeEach(() => {
    lookup = jest.fn(async (tenantId: string, userId: string) => person({ tenantId, userId }));
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('asks identity once per caller within the window, and again after it', async () => {
    const cache = accounts(2000);
    await cache.lookup('acme', 'u-1');
    now += 1999;
    await cache.lookup('acme', 'u-1');
    await cache.lookup('acme', 'u-2');
    await cache.lookup('beta', 'u-1');
    expect(lookup).toHaveBeenCalledTimes(3);
    now += 1;
    await cache.lookup('acme', 'u-1');
    expect(lookup).toHaveBeenCalledTimes(4);
  });

  it('shares one lookup between concurrent requests of a caller', async () => {
    const cache = accounts(2000);
    await Promise.all([cache.lookup('acme', 'u-1'), cache.lookup('acme', 'u-1'), cache.lookup('acme', 'u-1')]);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('asks on every request when the window is 0', async () => {
    const cache = accounts(0);
    await cache.lookup('acme', 'u-1');
    await cache.lookup('acme', 'u-1');
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it(`keeps at most ${ACCOUNT_CACHE_ENTRIES} callers, dropping the oldest`, async () => {
    const cache = accounts(60_000);
    for (let i = 0; i <= ACCOUNT_CACHE_ENTRIES; i++) await cache.lookup('acme', `u-${i}`);
    lookup.mockClear();
    await cache.lookup('acme', `u-${ACCOUNT_CACHE_ENTRIES}`);
    await cache.lookup('acme', 'u-1');
    expect(lookup).not.toHaveBeenCalled();
    await cache.lookup('acme', 'u-0');
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('answers undefined when identity says 404, and does not keep a failure', async () => {
    const cache = accounts(2000);
    lookup.mockRejectedValueOnce(new ApiError(404, 'IDENTITY.NOT_FOUND', 'person not found'));
    await expect(cache.lookup('acme', 'ghost')).resolves.toBeUndefined();
    lookup.mockRejectedValueOnce(new ApiError(503, 'UPSTREAM.UNAVAILABLE', 'identity is unreachable'));
    await expect(cache.lookup('acme', 'u-1')).rejects.toMatchObject({ code: 'UPSTREAM.UNAVAILABLE', status: 503 });
    await expect(cache.lookup('acme', 'u-1')).resolves.toMatchObject({ userId: 'u-1' });
    expect(lookup).toHaveBeenCalledTimes(3);
  });

  it('turns any failure of identity into 503, never into a pass', async () => {
    lookup.mockRejectedValueOnce(new ApiError(502, 'UPSTREAM.UNAVAILABLE', 'identity failed (HTTP 500)'));
    await expect(accounts(0).lookup('acme', 'u-1')).rejects.toMatchObject({
      code: 'UPSTREAM.UNAVAILABLE',
      status: 503,
      details: { service: 'identity' },
    });
  });
});
