import { WorkChunk } from '@cohort/contracts';
import { StagedInvitee } from '../../imports/staged-invitee.schema';
import { StagedInviteesRepository } from '../../imports/staged-invitees.repository';
import { PeopleRepository } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { parseToken } from '../../tokens/secrets';
import { testPerson } from '../test-person';
import { NewPerson } from './invite-users.decision';
import { InviteUsers, InviteUsersHandler } from './invite-users.handler';

/**
 * A people store that refuses a duplicate `_id` or tenant e-mail like the unique indexes do, and logs
 * inserts; `racing` people appear in the store just before an insert (another delivery was faster).
 */
function stores(people: Person[], rows: StagedInvitee[] = [], racing: Person[] = []) {
  const stored = new Map(people.map((p) => [p.userId, p]));
  const inserts: string[][] = [];
  const peopleRepo = {
    findMany: async (_t: string, ids: string[]) => new Map(ids.filter((id) => stored.has(id)).map((id) => [id, stored.get(id)!])),
    findOne: async (_t: string, id: string) => stored.get(id),
    page: async (_t: string, query: { email: { $in: string[] } }) => [...stored.values()].filter((p) => query.email.$in.includes(p.email)),
    insertMany: async (docs: NewPerson[]) => {
      inserts.push(docs.map((d) => d.userId));
      for (const p of racing.splice(0)) stored.set(p.userId, p);
      const refused = new Set<string>();
      for (const doc of docs) {
        if (stored.has(doc.userId) || [...stored.values()].some((p) => p.email === doc.email)) refused.add(doc.userId);
        else stored.set(doc.userId, testPerson(doc as Partial<Person>));
      }
      return refused;
    },
  } as unknown as PeopleRepository;
  const stagedRepo = {
    findMany: async (_t: string, ids: string[]) => new Map(rows.filter((r) => ids.includes(r._id.slice(2))).map((r) => [r._id.slice(2), r])),
  } as unknown as StagedInviteesRepository;
  return { handler: new InviteUsersHandler(peopleRepo, stagedRepo), stored, inserts };
}

const work = (userIds: string[], params: Record<string, unknown> = {}, over: Partial<WorkChunk> = {}): WorkChunk => ({
  jobId: 'j',
  step: 0,
  chunk: 0,
  attempt: 1,
  tenantId: 't',
  action: 'invite-users',
  actorId: 'me',
  params,
  userIds,
  ...over,
});
const createdAt = new Date();
const row = (userId: string, fields: Partial<StagedInvitee>): StagedInvitee => ({
  _id: `t:${userId}`,
  tenantId: 't',
  importId: 'imp1',
  row: 2,
  createdAt,
  ...fields,
});

describe('InviteUsersHandler', () => {
  it('invites inline invitees (Kafka publishers): one insert, a token the stored hash matches', async () => {
    const { handler, stored, inserts } = stores([]);
    const invitees = [
      { userId: 'n1', email: 'Ann@x.nl', name: 'Ann' },
      { userId: 'n2', email: 'bo@x.nl', role: 'HR', language: 'de' },
    ];
    const outcomes = await handler.execute(new InviteUsers(work(['n1', 'n2'], { invitees })));
    expect(outcomes.map((o) => [o.userId, o.status, o.data?.email, o.data?.language])).toEqual([
      ['n1', 'succeeded', 'ann@x.nl', 'en'],
      ['n2', 'succeeded', 'bo@x.nl', 'de'],
    ]);
    expect(inserts).toEqual([['n1', 'n2']]);
    expect(stored.get('n2')).toMatchObject({ status: 'invited', role: 'HR', name: 'bo', ops: [{ k: 'j:0', b: null }] });
    const token = parseToken(outcomes[0].data!.token as string)!;
    expect(token).toMatchObject({ tenantId: 't', userId: 'n1' });
    expect(stored.get('n1')!.invitation!.tokenHash).toBe(token.hash);
  });

  it('invites the valid rows of an upload; an invalid row fails naming row and column; an unknown id has no invitee', async () => {
    const rows = [
      row('imp-a-2', { row: 2, email: 'cy@x.nl', role: 'Manager', name: 'Cy' }),
      row('imp-a-3', { row: 3, error: { column: 'role', message: '"King" is not a role' } }),
    ];
    const { handler, stored } = stores([], rows);
    const outcomes = await handler.execute(new InviteUsers(work(['imp-a-2', 'imp-a-3', 'imp-a-4'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'IDENTITY.INVALID_ROW', 'IDENTITY.NO_INVITEE']);
    expect(outcomes[1].message).toBe('row 3, column role: "King" is not a role');
    expect(stored.get('imp-a-2')).toMatchObject({ email: 'cy@x.nl', role: 'Manager', name: 'Cy', status: 'invited' });
  });

  it('skips an e-mail someone in the tenant has: the insert is refused', async () => {
    const { handler, inserts } = stores([testPerson({ userId: 'old', email: 'ann@x.nl' })]);
    const outcomes = await handler.execute(new InviteUsers(work(['n1'], { invitees: [{ userId: 'n1', email: 'ann@x.nl' }] })));
    expect(outcomes).toEqual([{ userId: 'n1', status: 'skipped', code: 'IDENTITY.EMAIL_EXISTS', message: 'ann@x.nl already has an account' }]);
    expect(inserts).toEqual([['n1']]);
  });

  it('a redelivered chunk inserts nobody twice and hands on the same tokens', async () => {
    const { handler, inserts } = stores([]);
    const chunk = work(['n1'], { invitees: [{ userId: 'n1', email: 'ann@x.nl' }] });
    const first = await handler.execute(new InviteUsers(chunk));
    const again = await handler.execute(new InviteUsers({ ...chunk, attempt: 2 }));
    expect(again).toEqual(first);
    expect(inserts).toEqual([['n1'], []]);
  });

  it('an insert refused because a concurrent delivery of the same chunk won is a replay, not a skip', async () => {
    const chunk = work(['n1'], { invitees: [{ userId: 'n1', email: 'ann@x.nl' }] });
    const faster = stores([]);
    const first = await faster.handler.execute(new InviteUsers(chunk));
    const { handler } = stores([], [], [faster.stored.get('n1')!]);
    expect(await handler.execute(new InviteUsers(chunk))).toEqual(first);
  });

  it('a dry run writes nothing, shows the accounts and finds taken e-mails', async () => {
    const { handler, inserts } = stores([testPerson({ userId: 'old', email: 'ann@x.nl' })]);
    const invitees = [
      { userId: 'n1', email: 'ANN@x.nl' },
      { userId: 'n2', email: 'bo@x.nl', role: 'Admin' },
    ];
    const outcomes = await handler.execute(new InviteUsers(work(['n1', 'n2'], { invitees }), true));
    expect(outcomes).toEqual([
      { userId: 'n1', status: 'skipped', code: 'IDENTITY.EMAIL_EXISTS', message: 'ann@x.nl already has an account' },
      { userId: 'n2', status: 'succeeded', data: { after: { email: 'bo@x.nl', role: 'Admin' } } },
    ]);
    expect(inserts).toEqual([]);
  });

  it('bad params fail every person with the field named', async () => {
    const { handler } = stores([]);
    const [outcome] = await handler.execute(new InviteUsers(work(['n1'], { invitees: [{ userId: 'n1', email: 'not-an-address' }] })));
    expect(outcome).toMatchObject({
      status: 'failed',
      code: 'IDENTITY.INVALID_PARAMS',
      message: expect.stringMatching(/^params\.invitees\.0\.email: /),
    });
  });
});
