import { Person } from '../../people/person.schema';
import { DRY_RUN_KEY, dryRunOutcome } from '../decision';
import { testPerson } from '../test-person';
import {
  ARCHIVE_PROFILE,
  DEACTIVATE,
  decideRestore,
  decideTransition,
  decideTransitions,
  MARK_PENDING_DELETION,
  REACTIVATE,
  REACTIVATE_PROFILE,
  RestoreContext,
  TransitionContext,
} from './status-transition';

const owner = (userId: string, over: Partial<Person> = {}) => testPerson({ userId, role: 'Owner', ...over });
const ctx = (over: Partial<TransitionContext> = {}): TransitionContext => ({ key: 'j:0', actorId: 'me', owners: new Set(['o1', 'o2']), ...over });
const codeOf = (d: { outcome: { code?: string; status: string } }) => d.outcome.code ?? d.outcome.status;

describe('decideTransition', () => {
  it('deactivates an active person and remembers the prior status', () => {
    const d = decideTransition('u1', testPerson(), DEACTIVATE, ctx());
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 'active' });
    expect(d.change).toEqual({ userId: 'u1', set: { status: 'deactivated', priorStatuses: ['active'] }, op: { k: 'j:0', b: 'active' } });
  });

  it('deactivates an invited person', () => {
    expect(decideTransition('u1', testPerson({ status: 'invited' }), DEACTIVATE, ctx()).change?.op).toEqual({ k: 'j:0', b: 'invited' });
  });

  it('skips the actor: nobody deactivates, archives or deletes themself', () => {
    const me = testPerson({ userId: 'me' });
    expect(decideTransition('me', me, DEACTIVATE, ctx()).outcome).toEqual({
      userId: 'me',
      status: 'skipped',
      code: 'IDENTITY.SELF',
      message: 'nobody can deactivate themself',
    });
    expect(codeOf(decideTransition('me', me, ARCHIVE_PROFILE, ctx()))).toBe('IDENTITY.SELF');
    expect(decideTransition('me', me, MARK_PENDING_DELETION, ctx()).outcome.message).toBe('nobody can delete themself');
  });

  it('reactivating oneself is allowed (it gives access, never takes it)', () => {
    expect(codeOf(decideTransition('me', testPerson({ userId: 'me', status: 'deactivated' }), REACTIVATE, ctx()))).toBe('succeeded');
  });

  it('keeps the last active Owner', () => {
    const d = decideTransition('o1', owner('o1'), DEACTIVATE, ctx({ owners: new Set(['o1']) }));
    expect(d.outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.LAST_OWNER' });
    expect(d.change).toBeUndefined();
    expect(codeOf(decideTransition('o1', owner('o1'), MARK_PENDING_DELETION, ctx({ owners: new Set(['o1']) })))).toBe('IDENTITY.LAST_OWNER');
    expect(codeOf(decideTransition('o1', owner('o1'), ARCHIVE_PROFILE, ctx({ owners: new Set() })))).toBe('IDENTITY.LAST_OWNER');
  });

  it('an Owner who is not active does not count', () => {
    expect(codeOf(decideTransition('o3', owner('o3', { status: 'invited' }), DEACTIVATE, ctx({ owners: new Set(['o3']) })))).toBe('succeeded');
  });

  it('already in the result: UNCHANGED; a status the action does not apply to: WRONG_STATUS naming it', () => {
    expect(decideTransition('u1', testPerson({ status: 'deactivated' }), DEACTIVATE, ctx()).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'IDENTITY.UNCHANGED',
      message: 'status is already deactivated',
    });
    expect(decideTransition('u1', testPerson({ status: 'archived' }), DEACTIVATE, ctx()).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'IDENTITY.WRONG_STATUS',
      message: 'cannot deactivate someone whose status is archived',
    });
    expect(codeOf(decideTransition('u1', testPerson({ status: 'pending-deletion' }), DEACTIVATE, ctx()))).toBe('IDENTITY.WRONG_STATUS');
    expect(decideTransition('u1', testPerson(), REACTIVATE, ctx()).outcome.message).toBe('status is already active');
    expect(codeOf(decideTransition('u1', testPerson({ status: 'invited' }), REACTIVATE, ctx()))).toBe('IDENTITY.UNCHANGED');
    expect(codeOf(decideTransition('u1', testPerson({ status: 'archived' }), REACTIVATE, ctx()))).toBe('IDENTITY.WRONG_STATUS');
    expect(codeOf(decideTransition('u1', testPerson({ status: 'deactivated' }), REACTIVATE_PROFILE, ctx()))).toBe('IDENTITY.WRONG_STATUS');
    expect(codeOf(decideTransition('u1', testPerson({ status: 'pending-deletion' }), ARCHIVE_PROFILE, ctx()))).toBe('IDENTITY.WRONG_STATUS');
    expect(codeOf(decideTransition('u1', testPerson({ status: 'pending-deletion' }), MARK_PENDING_DELETION, ctx()))).toBe('IDENTITY.UNCHANGED');
  });

  it('reactivation returns people to exactly the status their suspension ended, and forgets it', () => {
    const back = (status: 'deactivated' | 'archived', priorStatuses: ('active' | 'invited' | 'deactivated')[]) =>
      decideTransition('u1', testPerson({ status, priorStatuses }), status === 'archived' ? REACTIVATE_PROFILE : REACTIVATE, ctx()).change?.set;
    expect(back('deactivated', ['active'])).toEqual({ status: 'active', priorStatuses: [] });
    expect(back('deactivated', ['invited'])).toEqual({ status: 'invited', priorStatuses: [] });
    expect(back('archived', ['active'])).toEqual({ status: 'active', priorStatuses: [] });
    // deactivated, then archived: reactivating the profile comes back deactivated, and reactivating then active
    expect(back('archived', ['active', 'deactivated'])).toEqual({ status: 'deactivated', priorStatuses: ['active'] });
  });

  it('someone suspended before statuses were remembered: invited only when they never joined, whatever invitation they once had', () => {
    const set = (over: Partial<Parameters<typeof testPerson>[0]>) =>
      decideTransition('u1', testPerson({ status: 'deactivated', ...over }), REACTIVATE, ctx()).change?.set;
    const pending = { sentCount: 1, sentAt: null, tokenHash: 'h' };
    expect(set({})).toEqual({ status: 'active', priorStatuses: [] });
    expect(set({ invitation: pending })).toEqual({ status: 'invited', priorStatuses: [] });
    // an invitation object kept after joining (legacy data) does not make anyone "invited" again
    expect(set({ invitation: { sentCount: 1, sentAt: null }, lastActiveAt: new Date() })).toEqual({ status: 'active', priorStatuses: [] });
    expect(set({ invitation: pending, lastActiveAt: new Date() })).toEqual({ status: 'active', priorStatuses: [] });
  });

  it('a suspension remembers the status it ends: deactivate and archive push it', () => {
    expect(decideTransition('u1', testPerson({ status: 'invited' }), DEACTIVATE, ctx()).change?.set).toEqual({
      status: 'deactivated',
      priorStatuses: ['invited'],
    });
    expect(decideTransition('u1', testPerson({ status: 'deactivated', priorStatuses: ['active'] }), ARCHIVE_PROFILE, ctx()).change?.set).toEqual({
      status: 'archived',
      priorStatuses: ['active', 'deactivated'],
    });
  });

  it('archives active, deactivated and invited people; marks anyone but those pending deletion', () => {
    for (const status of ['active', 'deactivated', 'invited'] as const) {
      expect(decideTransition('u1', testPerson({ status }), ARCHIVE_PROFILE, ctx()).change?.set).toEqual({
        status: 'archived',
        priorStatuses: [status],
      });
    }
    for (const status of ['active', 'deactivated', 'invited', 'archived'] as const) {
      expect(decideTransition('u1', testPerson({ status }), MARK_PENDING_DELETION, ctx()).change?.op).toEqual({ k: 'j:0', b: status });
    }
  });

  it('fails a person that does not exist in the tenant', () => {
    expect(decideTransition('u9', undefined, DEACTIVATE, ctx()).outcome).toMatchObject({
      status: 'failed',
      code: 'IDENTITY.NOT_FOUND',
      retryable: false,
    });
  });

  it('a redelivery returns the stored prior status and writes nothing', () => {
    const d = decideTransition(
      'o1',
      owner('o1', { status: 'deactivated', ops: [{ k: 'j:0', b: 'active' }] }),
      DEACTIVATE,
      ctx({ owners: new Set(['o2']) }),
    );
    expect(d.outcome).toEqual({ userId: 'o1', status: 'succeeded', before: 'active' });
    expect(d.change).toBeUndefined();
    expect(d.replayed).toBe(true);
  });

  it('a dry run shows before → after', () => {
    expect(dryRunOutcome(decideTransition('u1', testPerson(), DEACTIVATE, ctx({ key: DRY_RUN_KEY })))).toEqual({
      userId: 'u1',
      status: 'succeeded',
      before: 'active',
      data: { after: 'deactivated' },
    });
  });
});

describe('decideTransitions', () => {
  const found = (...people: Person[]) => new Map(people.map((p) => [p.userId, p]));

  it('deactivating both of two Owners deactivates the first and keeps the second', () => {
    const ds = decideTransitions(['o1', 'o2'], found(owner('o1'), owner('o2')), DEACTIVATE, ctx());
    expect(ds.map(codeOf)).toEqual(['succeeded', 'IDENTITY.LAST_OWNER']);
  });

  it('decides a repeated id once', () => {
    const ds = decideTransitions(['u1', 'u1'], found(testPerson()), DEACTIVATE, ctx());
    expect(ds.map((d) => d.outcome)).toEqual([ds[0].outcome, ds[0].outcome]);
    expect(ds.filter((d) => d.change)).toHaveLength(1);
  });
});

describe('decideRestore (compensation of the same job)', () => {
  const rctx: RestoreContext = { key: 'j:100', forwardKey: 'j:0', forwardStatus: 'pending-deletion' };
  const marked = (b: string, over: Partial<Person> = {}) => testPerson({ status: 'pending-deletion', ops: [{ k: 'j:0', b }], ...over });

  it('puts back exactly the status the forward step replaced', () => {
    const d = decideRestore('u1', marked('archived'), rctx);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 'pending-deletion' });
    expect(d.change).toEqual({ userId: 'u1', set: { status: 'archived' }, op: { k: 'j:100', b: 'pending-deletion' } });
  });

  it('compensating a deactivate forgets the status it remembered', () => {
    const deactivated = testPerson({ status: 'deactivated', priorStatuses: ['active'], ops: [{ k: 'j:0', b: 'active' }] });
    const d = decideRestore('u1', deactivated, { ...rctx, forwardStatus: 'deactivated' });
    expect(d.change?.set).toEqual({ status: 'active', priorStatuses: [] });
  });

  it('without the forward marker (the forward step changed nothing) succeeds without a write', () => {
    const d = decideRestore('u1', testPerson({ status: 'pending-deletion' }), rctx);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded' });
    expect(d.change).toBeUndefined();
  });

  it('leaves someone whose status changed since as they are', () => {
    expect(decideRestore('u1', marked('active', { status: 'archived' }), rctx).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'IDENTITY.WRONG_STATUS',
      message: 'status changed to archived since; not put back to active',
    });
    expect(codeOf(decideRestore('u1', marked('active', { status: 'active' }), rctx))).toBe('IDENTITY.UNCHANGED');
  });

  it('a redelivery writes nothing; an unknown person is not found', () => {
    const d = decideRestore(
      'u1',
      marked('active', {
        status: 'active',
        ops: [
          { k: 'j:0', b: 'active' },
          { k: 'j:100', b: 'pending-deletion' },
        ],
      }),
      rctx,
    );
    expect(d).toMatchObject({ outcome: { status: 'succeeded', before: 'pending-deletion' }, replayed: true });
    expect(d.change).toBeUndefined();
    expect(codeOf(decideRestore('u9', undefined, rctx))).toBe('IDENTITY.NOT_FOUND');
  });
});
