import { EXPORT_COLUMNS } from '@cohort/contracts';
import { exportCells, exportColumns, exportedPerson } from './export-row';
import { testPerson } from '../actions/test-person';

describe('export rows', () => {
  const groups = new Map([
    ['t1', { name: 'Zulu team', kind: 'team' as const }],
    ['t2', { name: 'Alpha team', kind: 'team' as const }],
    ['g1', { name: '=cmd', kind: 'group' as const }],
  ]);

  it('one cell per column in the order asked; teams and groups by name, sorted; unknown groups left out', () => {
    const person = exportedPerson(testPerson({ userId: 'u1', name: 'Ana', groupIds: ['t1', 'g1', 'gone', 't2'], labels: ['a', 'b'] }));
    expect(exportCells('u1', person, ['teams', 'groups', 'labels', 'name'], groups)).toEqual(['Alpha team; Zulu team', "'=cmd", 'a; b', 'Ana']);
  });

  it('dates as ISO 8601, absent values empty, every cell neutralised', () => {
    const person = exportedPerson(testPerson({ name: '@SUM(1)', country: undefined, lastActiveAt: null }));
    const cells = exportCells('u1', person, ['name', 'country', 'lastActiveAt'], new Map());
    expect(cells).toEqual(["'@SUM(1)", '', '']);
    const active = exportedPerson(testPerson({ lastActiveAt: new Date('2026-01-02T03:04:05Z') }));
    expect(exportCells('u1', active, ['lastActiveAt'], new Map())).toEqual(['2026-01-02T03:04:05.000Z']);
  });

  it('the columns of the params without repeats, or every column', () => {
    expect(exportColumns(undefined)).toEqual([...EXPORT_COLUMNS]);
    expect(exportColumns([])).toEqual([...EXPORT_COLUMNS]);
    expect(exportColumns(['email', 'name', 'email'])).toEqual(['email', 'name']);
  });
});
