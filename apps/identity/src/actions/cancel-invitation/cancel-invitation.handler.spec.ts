import { Person } from '../../people/person.schema';
import { recordingPeople, testPerson, testWork } from '../test-person';
import { CancelContext, CancelInvitation, CancelInvitationHandler, decideCancel } from './cancel-invitation.handler';

const now = new Date('2025-03-01T10:00:00Z');
const ctx: CancelContext = { key: 'j:0', now };
const sentAt = new Date('2025-01-01');
const invited = (over: Partial<Person> = {}) =>
  testPerson({ status: 'invited', invitation: { sentCount: 2, sentAt, tokenHash: 'h', cancelledAt: null }, ...over });

describe('decideCancel', () => {
  it('drops the link hash and records the cancellation; the person stays invited', () => {
    const d = decideCancel('u1', invited(), ctx);
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 'pending' });
    expect(d.change).toEqual({
      userId: 'u1',
      set: { invitation: { sentCount: 2, sentAt, tokenHash: null, cancelledAt: now } },
      op: { k: 'j:0', b: 'pending' },
    });
    expect(d.change?.set.status).toBeUndefined();
  });

  it('cancels an invitation stored without a hash (seeded) too', () => {
    expect(decideCancel('u1', invited({ invitation: { sentCount: 1, sentAt } }), ctx).change?.set.invitation).toMatchObject({
      cancelledAt: now,
      tokenHash: null,
    });
  });

  it('skips active people, other statuses, and invitations cancelled already', () => {
    expect(decideCancel('u1', testPerson(), ctx).outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.ALREADY_ACTIVE' });
    expect(decideCancel('u1', invited({ status: 'archived' }), ctx).outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.WRONG_STATUS' });
    const cancelled = invited({ invitation: { sentCount: 2, sentAt, tokenHash: null, cancelledAt: now } });
    expect(decideCancel('u1', cancelled, ctx).outcome).toEqual({
      userId: 'u1',
      status: 'skipped',
      code: 'IDENTITY.NOT_INVITED',
      message: 'has no pending invitation: it was cancelled already',
    });
    expect(decideCancel('u1', invited({ invitation: null }), ctx).outcome.code).toBe('IDENTITY.NOT_INVITED');
  });

  it('fails an unknown person', () => {
    expect(decideCancel('u9', undefined, ctx).outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.NOT_FOUND' });
  });

  it('a redelivery reports success again and writes nothing', () => {
    const first = decideCancel('u1', invited(), ctx);
    const stored = invited({ invitation: first.change!.set.invitation, ops: [first.change!.op] });
    const again = decideCancel('u1', stored, ctx);
    expect(again.outcome).toEqual(first.outcome);
    expect(again.change).toBeUndefined();
  });
});

describe('CancelInvitationHandler', () => {
  const work = (userIds: string[]) => testWork('cancel-invitation', {}, userIds);
  function handler(people: Person[]) {
    const { repo, batches: writes } = recordingPeople(people);
    return { handler: new CancelInvitationHandler(repo), writes };
  }

  it('cancels in one bulk write', async () => {
    const { handler: h, writes } = handler([invited({ userId: 'u1' }), testPerson({ userId: 'u2' })]);
    const outcomes = await h.execute(new CancelInvitation(work(['u1', 'u2'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'IDENTITY.ALREADY_ACTIVE']);
    expect(writes.map((w) => w.map((c) => c.userId))).toEqual([['u1']]);
  });

  it('a dry run shows pending → cancelled and writes nothing', async () => {
    const { handler: h, writes } = handler([invited({ userId: 'u1' })]);
    expect(await h.execute(new CancelInvitation(work(['u1']), true))).toEqual([
      { userId: 'u1', status: 'succeeded', before: 'pending', data: { after: 'cancelled' } },
    ]);
    expect(writes).toEqual([]);
  });
});
