import { Person } from '../../people/person.schema';
import { testPerson } from '../test-person';
import { decideRoleChange, decideRoleChanges, RoleChangeContext } from './change-role.decision';

const owner = (userId: string, over: Partial<Person> = {}) => testPerson({ userId, role: 'Owner', ...over });
const ctx = (over: Partial<RoleChangeContext> = {}): RoleChangeContext => ({
  role: 'Admin',
  key: 'job1:0',
  actorId: 'me',
  owners: new Set(['o1', 'o2']),
  ...over,
});

describe('decideRoleChange', () => {
  it('changes the role and remembers the prior one', () => {
    const d = decideRoleChange('u1', testPerson(), ctx());
    expect(d.outcome).toEqual({ userId: 'u1', status: 'succeeded', before: 'Learner' });
    expect(d.change).toEqual({ userId: 'u1', set: { role: 'Admin' }, op: { k: 'job1:0', b: 'Learner' } });
  });

  it('skips the actor: nobody changes their own role', () => {
    const d = decideRoleChange('me', testPerson({ userId: 'me', role: 'Admin' }), ctx({ role: 'Learner' }));
    expect(d.outcome).toEqual({ userId: 'me', status: 'skipped', code: 'IDENTITY.SELF', message: 'nobody can change their own role' });
    expect(d.change).toBeUndefined();
    expect(decideRoleChange('me', testPerson({ userId: 'me', role: 'Admin' }), ctx()).outcome.code).toBe('IDENTITY.SELF'); // even when unchanged
  });

  it('keeps the last Owner', () => {
    const d = decideRoleChange('o1', owner('o1'), ctx({ owners: new Set(['o1']) }));
    expect(d.outcome).toMatchObject({ status: 'skipped', code: 'IDENTITY.LAST_OWNER' });
    expect(d.change).toBeUndefined();
  });

  it('demotes an Owner while another remains', () => {
    expect(decideRoleChange('o1', owner('o1'), ctx()).change?.set).toEqual({ role: 'Admin' });
  });

  it('demotes an Owner who is not active without counting them', () => {
    expect(decideRoleChange('o3', owner('o3', { status: 'deactivated' }), ctx({ owners: new Set(['o1']) })).outcome.status).toBe('succeeded');
  });

  it('skips a person who already has the role', () => {
    const d = decideRoleChange('u1', testPerson({ role: 'Admin' }), ctx());
    expect(d.outcome).toEqual({ userId: 'u1', status: 'skipped', code: 'IDENTITY.UNCHANGED', message: 'role is already Admin' });
  });

  it('fails a person that does not exist in the tenant (or belongs to another)', () => {
    expect(decideRoleChange('u9', undefined, ctx()).outcome).toEqual({
      userId: 'u9',
      status: 'failed',
      code: 'IDENTITY.NOT_FOUND',
      message: 'person not found',
      retryable: false,
    });
  });

  it('a redelivery returns the stored prior value and writes nothing', () => {
    const d = decideRoleChange('o1', owner('o1', { role: 'Admin', ops: [{ k: 'job1:0', b: 'Owner' }] }), ctx({ owners: new Set(['o2']) }));
    expect(d.outcome).toEqual({ userId: 'o1', status: 'succeeded', before: 'Owner' });
    expect(d.change).toBeUndefined();
    expect(d.replayed).toBe(true);
  });
});

describe('decideRoleChanges', () => {
  const found = (...people: Person[]) => new Map(people.map((p) => [p.userId, p]));

  it('demoting both of two Owners demotes the first and keeps the second', () => {
    const ds = decideRoleChanges(['o1', 'o2'], found(owner('o1'), owner('o2')), ctx());
    expect(ds.map((d) => d.outcome.code ?? d.outcome.status)).toEqual(['succeeded', 'IDENTITY.LAST_OWNER']);
  });

  it('the actor among the Owners is skipped, and still counts as the remaining Owner', () => {
    const ds = decideRoleChanges(['o1', 'o2'], found(owner('o1'), owner('o2')), ctx({ actorId: 'o1' }));
    expect(ds.map((d) => d.outcome.code ?? d.outcome.status)).toEqual(['IDENTITY.SELF', 'succeeded']);
  });

  it('decides a repeated id once', () => {
    const ds = decideRoleChanges(['u1', 'u1'], found(testPerson()), ctx());
    expect(ds.map((d) => d.outcome)).toEqual([ds[0].outcome, ds[0].outcome]);
    expect(ds.filter((d) => d.change)).toHaveLength(1);
  });
});
