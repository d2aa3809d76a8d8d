import { ACTION_IDS, ROLES } from '@cohort/contracts';
import { mayRun, permittedActions } from './permissions';

describe('permission table (seed 001)', () => {
  it('gives the Owner every action', () => {
    expect(permittedActions({ role: 'Owner' })).toEqual([...ACTION_IDS]);
  });

  it('gives an Admin everything but delete, and delete only with the delete permission', () => {
    expect(permittedActions({ role: 'Admin' })).toEqual(ACTION_IDS.filter((a) => a !== 'delete'));
    expect(mayRun({ role: 'Admin', permissions: ['delete'] }, 'delete')).toBe(true);
  });

  it('gives HR specialisms, labels, tasks, share content and notifications', () => {
    expect(permittedActions({ role: 'HR' }).sort()).toEqual(
      ['add-labels', 'add-specialisms', 'add-task', 'remove-labels', 'send-notification', 'share-content'].sort(),
    );
  });

  it('gives a Curator share content only with the sharing permission', () => {
    expect(permittedActions({ role: 'Curator' })).toEqual([]);
    expect(permittedActions({ role: 'Curator', permissions: ['share-content'] })).toEqual(['share-content']);
  });

  it('grants named permissions to any role, but not delete or sharing outside Admin and Curator', () => {
    expect(permittedActions({ role: 'Learner', permissions: ['invitations'] }).sort()).toEqual(
      ['cancel-invitation', 'invite-users', 'resend-invitation'].sort(),
    );
    expect(mayRun({ role: 'Manager', permissions: ['team-management'] }, 'add-to-groups')).toBe(true);
    expect(mayRun({ role: 'Learner', permissions: ['certificates'] }, 'assign-certificate')).toBe(true);
    expect(mayRun({ role: 'Learner', permissions: ['delete'] }, 'delete')).toBe(false);
    expect(mayRun({ role: 'HR', permissions: ['delete'] }, 'delete')).toBe(false);
    expect(mayRun({ role: 'Learner', permissions: ['share-content'] }, 'share-content')).toBe(false);
    expect(mayRun({ role: 'Learner', permissions: ['people-admin'] }, 'change-role')).toBe(false);
  });

  it.each(['Manager', 'Learner', 'Reporter'] as const)('gives a %s nothing', (role) => {
    expect(permittedActions({ role })).toEqual([]);
  });

  it('never allows an unknown action', () => {
    for (const role of ROLES) expect(mayRun({ role }, 'launch-rockets')).toBe(false);
  });
});
