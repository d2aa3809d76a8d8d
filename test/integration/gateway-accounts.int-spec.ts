import { signToken } from '@cohort/auth';
import type { Role } from '@cohort/contracts';
import { uniqueTenant } from '@cohort/testing';
import { issueToken } from '../../apps/identity/src/tokens/secrets';
import { CohortSystem, personDoc, startSystem } from '../support/system';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The gateway's part of accounts on the real identity: a valid token stops working once its person is
 * no longer active, the stored role (not the token's) decides what the caller may do, the e-mailed
 * links work without a bearer token, and a people file is staged for invite-users.
 */
describe('gateway: accounts, links and people files on the real system', () => {
  const tenant = uniqueTenant('gwacc');
  let system: CohortSystem;
  let base: string;
  const people = () => system.db('identity').collection<ReturnType<typeof personDoc>>('people');
  const tokenOf = (sub: string, role: Role) => signToken({ sub, tid: tenant, role, email: `${sub}@${tenant}.test` });
  const setFields = (userId: string, fields: Json) => people().updateOne({ _id: `${tenant}:${userId}` }, { $set: fields });

  async function call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    type = 'application/json',
  ): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': type }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  beforeAll(async () => {
    // every request asks identity: the store's changes show at once
    system = await startSystem({ gateway: true, env: { GATEWAY_AUTH_CACHE_MS: '0' } });
    base = (await system.gateway!.getUrl()).replace('[::1]', '127.0.0.1');
    await people().insertMany([
      personDoc(tenant, 'admin', { role: 'Admin' }),
      personDoc(tenant, 'leaver', { role: 'Admin' }),
      personDoc(tenant, 'demoted', { role: 'Admin' }),
      personDoc(tenant, 'newbie', { role: 'Learner', status: 'invited' }),
    ]);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it("refuses a deactivated person's valid token with 401 AUTH.ACCOUNT_INACTIVE, and an unknown person's with AUTH.UNAUTHENTICATED", async () => {
    const token = tokenOf('leaver', 'Admin');
    expect((await call('GET', '/v1/actions', token)).status).toBe(200);
    await setFields('leaver', { status: 'deactivated' });
    const refused = await call('GET', '/v1/batch-jobs', token);
    expect(refused).toEqual({
      status: 401,
      body: { code: 'AUTH.ACCOUNT_INACTIVE', message: 'this account is deactivated', details: { status: 'deactivated' } },
    });
    const ghost = await call('GET', '/v1/actions', tokenOf('ghost', 'Owner'));
    expect(ghost).toMatchObject({ status: 401, body: { code: 'AUTH.UNAUTHENTICATED' } });
  });

  it('an Admin demoted to Learner in the store can no longer list or run admin actions', async () => {
    const token = tokenOf('demoted', 'Admin');
    const before = await call('GET', '/v1/actions', token);
    expect(before.body.map((a: Json) => a.id)).toContain('change-role');
    await setFields('demoted', { role: 'Learner' });
    expect(await call('GET', '/v1/actions', token)).toEqual({ status: 200, body: [] });
    const preview = await call('POST', '/v1/batch-jobs/preview', token, {
      action: 'change-role',
      params: { role: 'HR' },
      selection: { userIds: ['admin'] },
    });
    expect(preview).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
  });

  it('accepts an invitation through its e-mailed link without a bearer token, once', async () => {
    const { token, hash } = issueToken(tenant, 'newbie');
    await setFields('newbie', { invitation: { sentCount: 1, sentAt: new Date(), tokenHash: hash, cancelledAt: null } });
    const accepted = await call('POST', `/v1/invitations/${token}/accept`, undefined, { password: 'a long enough password' });
    expect(accepted).toEqual({ status: 200, body: { tenantId: tenant, userId: 'newbie', status: 'active' } });
    expect((await call('GET', '/v1/actions', tokenOf('newbie', 'Learner'))).status).toBe(200);
    const again = await call('POST', `/v1/invitations/${token}/accept`, undefined, {});
    expect(again).toMatchObject({ status: 400, body: { code: 'IDENTITY.TOKEN_INVALID' } });
    const reset = await call('POST', '/v1/password-resets/not-a-token', undefined, { password: 'a long enough password' });
    expect(reset).toMatchObject({ status: 400, body: { code: 'IDENTITY.TOKEN_INVALID' } });
  });

  it('stages a small CSV of people to invite and previews invite-users over it', async () => {
    const admin = tokenOf('admin', 'Admin');
    const csv = `email,name\nann@${tenant}.test,Ann\nnot-an-email,Bob\n`;
    const upload = await call('POST', '/v1/imports', admin, csv, 'text/csv');
    expect(upload).toMatchObject({
      status: 201,
      body: { importId: expect.any(String), rows: 2, valid: 1, invalid: 1, errors: [expect.objectContaining({ row: 3, column: 'email' })] },
    });
    const preview = await call('POST', '/v1/batch-jobs/preview', admin, {
      action: 'invite-users',
      params: {},
      selection: { importId: upload.body.importId },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.total).toBeGreaterThanOrEqual(1);
    const learner = await call('POST', '/v1/imports', tokenOf('demoted', 'Admin'), csv, 'text/csv');
    expect(learner).toMatchObject({ status: 403, body: { code: 'AUTH.FORBIDDEN' } });
  });
});
