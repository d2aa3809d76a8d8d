import { Person } from '../../people/person.schema';
import { testPerson } from '../test-person';
import { decideInvite, decideInvites, InviteContext, InviteeSource } from './invite-users.decision';

const now = new Date('2026-01-02T03:04:05Z');
const ctx = (over: Partial<InviteContext> = {}): InviteContext => ({
  tenantId: 't',
  key: 'job1:0',
  now,
  dryRun: false,
  issue: (userId) => ({ token: `token-of-${userId}`, hash: `hash-of-${userId}` }),
  takenEmails: new Set(),
  ...over,
});
const ann: InviteeSource = { invitee: { email: 'Ann@X.nl', role: 'Admin', name: 'Ann', language: 'nl' } };

describe('decideInvite', () => {
  it('creates an invited person with a derived token and hands the e-mail step what it needs', () => {
    const d = decideInvite('u1', ann, undefined, ctx());
    expect(d.outcome).toEqual({
      userId: 'u1',
      status: 'succeeded',
      data: { kind: 'invitation', email: 'ann@x.nl', name: 'Ann', language: 'nl', token: 'token-of-u1' },
    });
    expect(d.create).toEqual({
      _id: 't:u1',
      tenantId: 't',
      userId: 'u1',
      email: 'ann@x.nl',
      name: 'Ann',
      search: 'ann ann@x.nl',
      status: 'invited',
      role: 'Admin',
      permissions: [],
      language: 'nl',
      profileVisibility: 'public',
      labels: [],
      specialisms: [],
      lastActiveAt: null,
      anonymous: false,
      invitation: { sentCount: 1, sentAt: now, tokenHash: 'hash-of-u1' },
      passwordReset: null,
      passwordHash: null,
      accessCodeHash: null,
      ops: [{ k: 'job1:0', b: null }],
      v: 1,
    });
  });

  it('names a person without a name after their address and speaks English by default', () => {
    const d = decideInvite('u1', { invitee: { email: 'bo.b@x.nl', role: 'Learner' } }, undefined, ctx());
    expect(d.create).toMatchObject({ name: 'bo.b', language: 'en', search: 'bo.b bo.b@x.nl' });
  });

  it('a redelivery finds its own person and answers the same, token included, writing nothing', () => {
    const first = decideInvite('u1', ann, undefined, ctx());
    const stored = testPerson({ ...first.create, status: 'invited' } as Partial<Person>);
    const again = decideInvite('u1', ann, stored, ctx());
    expect(again.outcome).toEqual(first.outcome);
    expect(again.create).toBeUndefined();
  });

  it('fails a user id with no invitee', () => {
    expect(decideInvite('u9', undefined, undefined, ctx()).outcome).toEqual({
      userId: 'u9',
      status: 'failed',
      code: 'IDENTITY.NO_INVITEE',
      message: 'no invitee for this user id in params.invitees or the uploaded file',
      retryable: false,
    });
  });

  it('fails an invalid row of the file, naming row and column', () => {
    const d = decideInvite('imp-x-7', { row: 7, error: { column: 'email', message: 'not an e-mail address' } }, undefined, ctx());
    expect(d.outcome).toEqual({
      userId: 'imp-x-7',
      status: 'failed',
      code: 'IDENTITY.INVALID_ROW',
      message: 'row 7, column email: not an e-mail address',
      retryable: false,
    });
    expect(d.create).toBeUndefined();
  });

  it('skips an e-mail someone in the tenant has', () => {
    const d = decideInvite('u1', ann, undefined, ctx({ takenEmails: new Set(['ann@x.nl']) }));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'skipped', code: 'IDENTITY.EMAIL_EXISTS', message: 'ann@x.nl already has an account' });
    expect(d.create).toBeUndefined();
  });

  it('skips a person who exists under the id with the same e-mail (another job invited them), fails one with another e-mail', () => {
    expect(decideInvite('u1', ann, testPerson({ email: 'ann@x.nl', ops: [{ k: 'job0:0', b: null }] }), ctx()).outcome.code).toBe(
      'IDENTITY.EMAIL_EXISTS',
    );
    expect(decideInvite('u1', ann, testPerson({ email: 'other@x.nl' }), ctx()).outcome).toMatchObject({
      status: 'failed',
      code: 'IDENTITY.INVALID_PARAMS',
      message: 'user id u1 belongs to another person',
    });
  });

  it('a dry run shows the account it would create, and issues no token', () => {
    const issue = jest.fn();
    const d = decideInvite('u1', ann, undefined, ctx({ dryRun: true, key: ':dry-run', issue }));
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', data: { after: { email: 'ann@x.nl', role: 'Admin' } } });
    expect(d.create).toBeUndefined();
    expect(issue).not.toHaveBeenCalled();
  });
});

describe('decideInvites', () => {
  it('gives an e-mail to the first of two invitees in a chunk and decides a repeated id once', () => {
    const sources = new Map<string, InviteeSource>([
      ['u1', ann],
      ['u2', { invitee: { email: 'ann@x.nl', role: 'Learner' } }],
    ]);
    const ds = decideInvites(['u1', 'u2', 'u1'], sources, new Map(), ctx());
    expect(ds.map((d) => d.outcome.code ?? d.outcome.status)).toEqual(['succeeded', 'IDENTITY.EMAIL_EXISTS', 'succeeded']);
    expect(ds.filter((d) => d.create)).toHaveLength(1);
  });

  it('does the same in a dry run', () => {
    const sources = new Map<string, InviteeSource>([
      ['u1', ann],
      ['u2', ann],
    ]);
    expect(decideInvites(['u1', 'u2'], sources, new Map(), ctx({ dryRun: true })).map((d) => d.outcome.status)).toEqual(['succeeded', 'skipped']);
  });
});
