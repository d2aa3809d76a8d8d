import { ExportsRepository } from '../../exports/exports.repository';
import { ExportRowDoc } from '../../exports/export-row';
import { recordingPeople, testPerson, testWork } from '../test-person';
import { decideExport, ExportCsv, ExportCsvHandler } from './export-csv.handler';

function fakeExports() {
  const recorded: { columns: string[]; rows: ExportRowDoc[] }[] = [];
  const repo = {
    record: async (_t: string, _j: string, columns: string[], rows: ExportRowDoc[]) => {
      recorded.push({ columns, rows });
    },
  } as unknown as ExportsRepository;
  return { repo, recorded };
}

describe('export-csv', () => {
  it('decides: everyone found succeeds, an unknown id fails NOT_FOUND', () => {
    expect(decideExport('u1', testPerson()).outcome).toEqual({ userId: 'u1', status: 'succeeded' });
    expect(decideExport('u9', undefined).outcome).toMatchObject({ status: 'failed', code: 'IDENTITY.NOT_FOUND' });
  });

  it('records one row per person found with the columns of the params, and changes nobody', async () => {
    const people = recordingPeople([testPerson({ userId: 'u1', name: 'Ana' }), testPerson({ userId: 'u2' })]);
    const exports = fakeExports();
    const handler = new ExportCsvHandler(people.repo, exports.repo);
    const outcomes = await handler.execute(new ExportCsv(testWork('export-csv', { columns: ['name', 'email'] }, ['u1', 'u2', 'u9', 'u1'])));
    expect(outcomes.map((o) => o.code ?? o.status)).toEqual(['succeeded', 'succeeded', 'IDENTITY.NOT_FOUND', 'succeeded']);
    expect(exports.recorded).toHaveLength(1);
    expect(exports.recorded[0].columns).toEqual(['name', 'email']);
    expect(exports.recorded[0].rows.map((r) => [r._id, r.person.name])).toEqual([
      ['t:j:u1', 'Ana'],
      ['t:j:u2', 'u2'],
    ]);
    expect(people.writes).toEqual([]);
  });

  it('a dry run records nothing; bad params fail every person with the field named', async () => {
    const exports = fakeExports();
    const handler = new ExportCsvHandler(recordingPeople([testPerson()]).repo, exports.repo);
    expect((await handler.execute(new ExportCsv(testWork('export-csv', {}), true))).map((o) => o.status)).toEqual(['succeeded']);
    expect(exports.recorded).toEqual([]);
    const bad = await handler.execute(new ExportCsv(testWork('export-csv', { columns: ['salary'] })));
    expect(bad[0]).toMatchObject({ status: 'failed', code: 'IDENTITY.INVALID_PARAMS', message: expect.stringContaining('columns') });
  });
});
