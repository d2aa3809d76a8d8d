import { Person } from '../../people/person.schema';
import { issueToken, parseToken } from '../../tokens/secrets';
import { recordingPeople, testPerson, testWork } from '../test-person';
import { decideResend, ResendContext, ResendInvitation, ResendInvitationHandler } from './resend-invitation.handler';

const now = new Date('2025-03-01T10:00:00Z');
const ctx: ResendContext = { tenantId: 't', key: 'j:0', now };
const invited = (over: Partial<Person> = {}) =>
  testPerson({
    status: 'invited',
    name: 'Ann',
    language: 'nl',
    invitation: { sentCount: 1, sentAt: new Date('2025-01-01'), tokenHash: 'old', cancelledAt: null },
    ...over,
  });

describe('decideResend', () => {
  it('issues the derived token, counts the sending and hands the mail data on', () => {
    const d = decideResend('u1', invited(), ctx);
    const { token, hash } = issueToken('t', 'u1', 'j:0');
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'succeeded',
      before: 1,
      data: { kind: 'invitation', email: 'u1@t.test', name: 'Ann', language: 'nl', token },
    });
    expect(d.change).toEqual({
      userId: 'u1',
      set: { invitation: { sentCount: 2, sentAt: now, tokenHash: hash, cancelledAt: null } },
      op: { k: 'j:0', b: 1 },
    });
    expect(parseToken(token)).toEqual({ tenantId: 't', userId: 'u1', hash });
  });

  it('re-invites a person whose invitation was cancelled, and one who never had an invitation record', () => {
    const cancelled = invited({ invitation: { sentCount: 2, sentAt: now, tokenHash: null, cancelledAt: now } });
    expect(decideResend('u1', cancelled, ctx).change?.set.invitation).toMatchObject({
      sentCount: 3,
      cancelledAt: null,
      tokenHash: expect.any(String),
    });
    expect(decideResend('u1', invited({ invitation: null }), ctx).change?.set.invitation).toMatchObject({ sentCount: 1 });
  });

  it('skips active, deactivated/archived/pending-deletion and anonymous people', () => {
    expect(decideResend('u1', testPerson(), ctx).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'IDENTITY.ALREADY_ACTIVE',
      message: 'already active',
    });
    for (const status of ['deactivated', 'archived', 'pending-deletion'] as const) {
      expect(decideResend('u1', invited({ status }), ctx).outcome).toMatchObject({
        status: 'skipped',
        code: 'IDENTITY.WRONG_STATUS',
        message: expect.stringContaining(status),
      });
    }
    expect(decideResend('u1', invited({ anonymous: true }), ctx).outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.ANONYMOUS_ACCOUNT' });
    expect(decideResend('u1', testPerson(), ctx).change).toBeUndefined();
  });

  it('fails an unknown person (or one of another tenant)', () => {
    expect(decideResend('u9', undefined, ctx).outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.NOT_FOUND' });
  });

  it('a redelivery re-derives the same token and writes nothing', () => {
    const first = decideResend('u1', invited(), ctx);
    const stored = invited({ invitation: first.change!.set.invitation, ops: [first.change!.op] });
    const again = decideResend('u1', stored, { ...ctx, now: new Date() });
    expect(again.outcome).toEqual(first.outcome);
    expect(again.change).toBeUndefined();
    expect(again.replayed).toBe(true);
  });

  it('a redelivery after the link died (accepted, cancelled or resent since) sends no dead link', () => {
    const first = decideResend('u1', invited(), ctx);
    const resent = invited({ invitation: { sentCount: 3, sentAt: now, tokenHash: 'newer' }, ops: [first.change!.op] });
    const accepted = testPerson({ invitation: null, ops: [first.change!.op] });
    for (const p of [resent, accepted]) {
      const d = decideResend('u1', p, ctx);
      expect(d.outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.TOKEN_INVALID' });
      expect(d.outcome.data).toBeUndefined();
      expect(d.change).toBeUndefined();
    }
  });
});

describe('ResendInvitationHandler', () => {
  const work = (userIds: string[], params: Record<string, unknown> = {}) => testWork('resend-invitation', params, userIds);
  function handler(people: Person[]) {
    const { repo, batches: writes } = recordingPeople(people);
    return { handler: new ResendInvitationHandler(repo), writes };
  }

  it('writes the invited people in one bulk write and reports everyone', async () => {
    const { handler: h, writes } = handler([invited({ userId: 'u1' }), testPerson({ userId: 'u2' })]);
    const outcomes = await h.execute(new ResendInvitation(work(['u1', 'u2', 'u9'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'IDENTITY.ALREADY_ACTIVE', 'IDENTITY.NOT_FOUND']);
    expect(outcomes[0].data).toMatchObject({ kind: 'invitation', token: issueToken('t', 'u1', 'j:0').token });
    expect(writes).toHaveLength(1);
    expect(writes[0].map((c) => c.userId)).toEqual(['u1']);
  });

  it('a dry run writes nothing and shows the sendings before → after, no token', async () => {
    const { handler: h, writes } = handler([invited({ userId: 'u1' })]);
    const [outcome] = await h.execute(new ResendInvitation(work(['u1']), true));
    expect(outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 1, data: { after: 2 } });
    expect(writes).toEqual([]);
  });

  it('unexpected params fail every person with the field named', async () => {
    const { handler: h } = handler([]);
    const [outcome] = await h.execute(new ResendInvitation(work(['u1'], { urgent: true })));
    expect(outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS', message: expect.stringMatching(/^params/) });
  });
});
