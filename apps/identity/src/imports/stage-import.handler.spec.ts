import { Logger } from '@nestjs/common';
import { IMPORT_MAX_ROWS } from '@cohort/contracts';
import { PeopleRepository } from '../people/people.repository';
import { StagedInvitee } from './staged-invitee.schema';
import { StagedInviteesRepository } from './staged-invitees.repository';
import { StageImport, StageImportHandler } from './stage-import.handler';

/** A repository stub that keeps inserted batches and logs every call; `people` are the tenant's e-mail → user id. */
function repo(failOnInsert?: number, people: Record<string, string> = {}) {
  const batches: StagedInvitee[][] = [];
  const calls: string[] = [];
  const staged = {
    purgeExpired: async (tenantId: string) => void calls.push(`purge ${tenantId}`),
    insert: async (rows: StagedInvitee[]) => {
      if (batches.length === failOnInsert) throw new Error('store down');
      batches.push([...rows]);
      calls.push(`insert ${rows.length}`);
    },
    discard: async (tenantId: string, importId: string) => void calls.push(`discard ${tenantId} ${importId.length}`),
  } as unknown as StagedInviteesRepository;
  const directory = {
    page: async (tenantId: string, query: { email: { $in: string[] } }, _after: undefined, limit: number) => {
      calls.push(`lookup ${query.email.$in.length}`);
      const found = query.email.$in.filter((e) => people[e]).map((email) => ({ tenantId, email, userId: people[email] }));
      return found.slice(0, limit);
    },
  } as unknown as PeopleRepository;
  return { handler: new StageImportHandler(staged, directory), batches, calls };
}

const csv = (lines: string[]) => Buffer.from(lines.join('\n'));

describe('StageImportHandler', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('stages every data row, invalid ones with their error, and sums them up', async () => {
    const { handler, batches, calls } = repo();
    const file = csv(['email;naam;rol', 'ann@x.nl;Ann;admin', '', 'nope;Bo;', 'ANN@x.nl;Ann again;', 'cy@x.nl;;;extra']);
    const summary = await handler.execute(new StageImport('t', file, 'csv'));
    expect(summary).toEqual({
      importId: expect.stringMatching(/^[0-9a-z]{12}$/),
      purpose: 'invite',
      rows: 4,
      valid: 2,
      invalid: 2,
      errors: [
        { row: 4, column: 'email', message: 'not an e-mail address' },
        { row: 5, column: 'email', message: 'also in row 2' },
      ],
    });
    const id = summary.importId;
    const createdAt = batches[0][0].createdAt;
    expect(batches).toEqual([
      [
        { _id: `t:imp-${id}-2`, tenantId: 't', importId: id, row: 2, createdAt, email: 'ann@x.nl', name: 'Ann', role: 'Admin' },
        { _id: `t:imp-${id}-4`, tenantId: 't', importId: id, row: 4, createdAt, error: { column: 'email', message: 'not an e-mail address' } },
        { _id: `t:imp-${id}-5`, tenantId: 't', importId: id, row: 5, createdAt, error: { column: 'email', message: 'also in row 2' } },
        { _id: `t:imp-${id}-6`, tenantId: 't', importId: id, row: 6, createdAt, email: 'cy@x.nl', role: 'Learner' },
      ],
    ]);
    expect(calls).toEqual(['purge t', 'insert 4']);
  });

  it('select: stages the rows whose e-mail an existing person has, with that user id; unknown and repeated e-mails are row errors', async () => {
    const { handler, batches, calls } = repo(undefined, { 'ann@x.nl': 'u-ann', 'bo@x.nl': 'u-bo' });
    const file = csv(['Naam;E-mailadres;Rol', 'Ann;ANN@x.nl;wizard', 'Cy;cy@x.nl;', 'Ann twice;ann@X.nl;', 'Bo;bo@x.nl;', 'Dee;nope;']);
    const summary = await handler.execute(new StageImport('t', file, 'csv', 'select'));
    expect(summary).toEqual({
      importId: expect.stringMatching(/^sel-[0-9a-z]{12}$/),
      purpose: 'select',
      rows: 5,
      valid: 2,
      invalid: 3,
      errors: [
        { row: 3, column: 'email', message: 'no person with this e-mail' },
        { row: 4, column: 'email', message: 'also in row 2' },
        { row: 6, column: 'email', message: 'not an e-mail address' },
      ],
    });
    const id = summary.importId;
    const createdAt = batches[0][0].createdAt;
    expect(batches).toEqual([
      [
        { _id: `t:imp-${id}-2`, tenantId: 't', importId: id, row: 2, createdAt, purpose: 'select', email: 'ann@x.nl', userId: 'u-ann' },
        { _id: `t:imp-${id}-5`, tenantId: 't', importId: id, row: 5, createdAt, purpose: 'select', email: 'bo@x.nl', userId: 'u-bo' },
      ],
    ]);
    // one look-up of the batch's well-formed, first-seen e-mails
    expect(calls).toEqual(['purge t', 'lookup 3', 'insert 2']);
  });

  it('select: looks e-mails up once per batch of 1000 rows', async () => {
    const people = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`p${i}@x.nl`, `u-${i}`]));
    const { handler, batches, calls } = repo(undefined, people);
    const summary = await handler.execute(
      new StageImport('t', csv(['email', ...Array.from({ length: 1600 }, (_, i) => `p${i}@x.nl`)]), 'csv', 'select'),
    );
    expect(summary).toMatchObject({ rows: 1600, valid: 1500, invalid: 100 });
    expect(calls).toEqual(['purge t', 'lookup 1000', 'insert 1000', 'lookup 600', 'insert 500']);
    expect(batches[1].at(-1)).toMatchObject({ row: 1501, userId: 'u-1499' });
  });

  it('inserts in batches of 1000 and lists at most 100 errors', async () => {
    const { handler, batches } = repo();
    const rows = Array.from({ length: 2500 }, (_, i) => (i % 10 === 0 ? `bad${i}` : `p${i}@x.nl`));
    const summary = await handler.execute(new StageImport('t', csv(['email', ...rows]), 'csv'));
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
    expect(summary).toMatchObject({ rows: 2500, valid: 2250, invalid: 250 });
    expect(summary.errors).toHaveLength(100);
  });

  it('refuses a file without an e-mail column before staging anything', async () => {
    const { handler, calls } = repo();
    await expect(handler.execute(new StageImport('t', csv(['naam', 'Ann']), 'csv'))).rejects.toMatchObject({
      code: 'IDENTITY.IMPORT_UNREADABLE',
      field: 'email',
    });
    expect(calls).toEqual([]);
  });

  it('refuses a file with more than IMPORT_MAX_ROWS rows before staging anything', async () => {
    const { handler, calls } = repo();
    const file = csv(['email', ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `p${i}@x.nl`)]);
    await expect(handler.execute(new StageImport('t', file, 'csv'))).rejects.toMatchObject({
      code: 'IDENTITY.IMPORT_TOO_LARGE',
      message: `the file has more than ${IMPORT_MAX_ROWS} rows`,
    });
    expect(calls).toEqual([]);
  });

  it('discards a half-staged import when the store fails (while the next batch is parsed), and passes the error on', async () => {
    const { handler, calls } = repo(1);
    const file = csv(['email', ...Array.from({ length: 3500 }, (_, i) => `p${i}@x.nl`)]);
    await expect(handler.execute(new StageImport('t', file, 'csv'))).rejects.toThrow('store down');
    expect(calls).toEqual(['purge t', 'insert 1000', 'discard t 12']);
  });
});
