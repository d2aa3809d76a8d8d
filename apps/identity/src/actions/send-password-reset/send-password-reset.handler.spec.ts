import { Person } from '../../people/person.schema';
import { issueToken } from '../../tokens/secrets';
import { recordingPeople, testPerson, testWork } from '../test-person';
import { decidePasswordReset, RESET_TTL_MS, ResetContext, SendPasswordReset, SendPasswordResetHandler } from './send-password-reset.handler';

const expiresAt = new Date('2025-03-02T10:00:00Z');
const ctx: ResetContext = { tenantId: 't', key: 'j:0', expiresAt };

describe('decidePasswordReset', () => {
  it('issues the derived token with its expiry and hands the mail data on', () => {
    const d = decidePasswordReset('u1', testPerson({ name: 'Bo', language: 'de' }), ctx);
    const { token, hash } = issueToken('t', 'u1', 'j:0');
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'succeeded',
      data: { kind: 'password-reset', email: 'u1@t.test', name: 'Bo', language: 'de', token, expiresAt: '2025-03-02T10:00:00.000Z' },
    });
    expect(d.change).toEqual({ userId: 'u1', set: { passwordReset: { tokenHash: hash, expiresAt, usedAt: null } }, op: { k: 'j:0' } });
  });

  it('replaces a pending reset (the preview shows its expiry before → after)', () => {
    const pending = testPerson({ passwordReset: { tokenHash: 'old', expiresAt: new Date('2025-02-01T00:00:00Z'), usedAt: null } });
    expect(decidePasswordReset('u1', pending, ctx).preview).toEqual({ before: '2025-02-01T00:00:00.000Z', after: '2025-03-02T10:00:00.000Z' });
  });

  it('skips invited, deactivated, archived and anonymous people', () => {
    expect(decidePasswordReset('u1', testPerson({ status: 'invited' }), ctx).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'IDENTITY.WRONG_STATUS',
      message: 'has not accepted the invitation yet: resend it instead',
    });
    for (const status of ['deactivated', 'archived'] as const) {
      expect(decidePasswordReset('u1', testPerson({ status }), ctx).outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.WRONG_STATUS' });
    }
    expect(decidePasswordReset('u1', testPerson({ anonymous: true }), ctx).outcome).toMatchObject({
      status: 'skipped',
      code: 'IDENTITY.ANONYMOUS_ACCOUNT',
    });
  });

  it('fails an unknown person', () => {
    expect(decidePasswordReset('u9', undefined, ctx).outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.NOT_FOUND' });
  });

  it('a redelivery re-derives the same token with the stored expiry and writes nothing', () => {
    const first = decidePasswordReset('u1', testPerson(), ctx);
    const stored = testPerson({ passwordReset: first.change!.set.passwordReset, ops: [first.change!.op] });
    const again = decidePasswordReset('u1', stored, { ...ctx, expiresAt: new Date() });
    expect(again.outcome).toEqual(first.outcome);
    expect(again.change).toBeUndefined();
  });

  it('a redelivery after the link was used or replaced sends no dead link', () => {
    const first = decidePasswordReset('u1', testPerson(), ctx);
    const used = testPerson({ passwordReset: { ...first.change!.set.passwordReset!, usedAt: new Date() }, ops: [first.change!.op] });
    const replaced = testPerson({ passwordReset: { tokenHash: 'newer', expiresAt }, ops: [first.change!.op] });
    for (const p of [used, replaced])
      expect(decidePasswordReset('u1', p, ctx).outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.TOKEN_INVALID' });
  });
});

describe('SendPasswordResetHandler', () => {
  const work = (userIds: string[]) => testWork('send-password-reset', {}, userIds);
  function handler(people: Person[]) {
    const { repo, batches: writes } = recordingPeople(people);
    return { handler: new SendPasswordResetHandler(repo), writes };
  }

  it('issues links that expire after the configured time (24 h by default), in one bulk write', async () => {
    expect(RESET_TTL_MS).toBe(86_400_000);
    const { handler: h, writes } = handler([testPerson({ userId: 'u1' }), testPerson({ userId: 'u2', status: 'invited' })]);
    const before = Date.now();
    const outcomes = await h.execute(new SendPasswordReset(work(['u1', 'u2'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'IDENTITY.WRONG_STATUS']);
    const expiry = Date.parse(String(outcomes[0].data?.expiresAt));
    expect(expiry).toBeGreaterThanOrEqual(before + RESET_TTL_MS);
    expect(expiry).toBeLessThanOrEqual(Date.now() + RESET_TTL_MS);
    expect(writes.map((w) => w.map((c) => c.userId))).toEqual([['u1']]);
  });

  it('a dry run writes nothing and carries no token', async () => {
    const { handler: h, writes } = handler([testPerson({ userId: 'u1' })]);
    const [outcome] = await h.execute(new SendPasswordReset(work(['u1']), true));
    expect(outcome).toMatchObject({ status: 'succeeded', before: null, data: { after: expect.any(String) } });
    expect(outcome.data).not.toHaveProperty('token');
    expect(writes).toEqual([]);
  });
});
