import { Logger } from '@nestjs/common';
import { IMPORT_MAX_ROWS } from '@cohort/contracts';
import { StagedInvitee } from './staged-invitee.schema';
import { StagedInviteesRepository } from './staged-invitees.repository';
import { StageImport, StageImportHandler } from './stage-import.handler';

/** A repository stub that keeps inserted batches and logs every call. */
function repo(failOnInsert?: number) {
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
  return { handler: new StageImportHandler(staged), batches, calls };
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
    expect(calls).toEqual(['purge t', 'discard t 12']);
  });

  it('refuses a file with more than IMPORT_MAX_ROWS rows, discarding what it staged', async () => {
    const { handler, calls } = repo();
    const file = csv(['email', ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `p${i}@x.nl`)]);
    await expect(handler.execute(new StageImport('t', file, 'csv'))).rejects.toMatchObject({
      code: 'IDENTITY.IMPORT_TOO_LARGE',
      message: `the file has more than ${IMPORT_MAX_ROWS} rows`,
    });
    expect(calls.filter((c) => c.startsWith('insert'))).toHaveLength(IMPORT_MAX_ROWS / 1000);
    expect(calls[calls.length - 1]).toBe('discard t 12');
  });

  it('discards a half-staged import when the store fails (while the next batch is parsed), and passes the error on', async () => {
    const { handler, calls } = repo(1);
    const file = csv(['email', ...Array.from({ length: 3500 }, (_, i) => `p${i}@x.nl`)]);
    await expect(handler.execute(new StageImport('t', file, 'csv'))).rejects.toThrow('store down');
    expect(calls).toEqual(['purge t', 'insert 1000', 'discard t 12']);
  });
});
