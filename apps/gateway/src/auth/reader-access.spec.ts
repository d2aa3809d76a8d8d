import { ROLES } from '@cohort/contracts';
import { readerAccessOf } from './reader-access';

describe('readerAccessOf', () => {
  it.each([
    ['Owner', [], 'tenant'],
    ['Admin', [], 'tenant'],
    ['HR', [], 'tenant'],
    ['Reporter', [], 'tenant'],
    ['Curator', ['share-content'], 'tenant'],
    ['Manager', ['team-management'], 'tenant'],
    ['Learner', ['certificates'], 'tenant'],
    ['Manager', [], 'scope'],
    ['Learner', [], 'none'],
    ['Curator', [], 'none'],
    // a permission that does not count for the role grants nothing
    ['Learner', ['share-content'], 'none'],
    ['Manager', ['delete'], 'scope'],
  ] as const)('gives a %s with %j %s', (role, perms, access) => {
    expect(readerAccessOf({ role, perms: [...perms] })).toBe(access);
  });

  it('knows every role', () => {
    for (const role of ROLES) expect(['tenant', 'scope', 'none']).toContain(readerAccessOf({ role }));
  });
});
