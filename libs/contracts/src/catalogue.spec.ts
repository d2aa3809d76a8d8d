import { ACTION_IDS, ACTIONS, actionById, validateParams } from './actions/catalogue';
import { PERMISSION_KEYS } from './actions/define-action';
import { SERVICES } from './topics';

/** The action ids of DESIGN.md §1, in its order. */
const DESIGN_IDS = [
  'resend-invitation',
  'cancel-invitation',
  'invite-users',
  'send-password-reset',
  'change-role',
  'change-language',
  'deactivate',
  'reactivate',
  'delete',
  'archive-profile',
  'reactivate-profile',
  'add-labels',
  'remove-labels',
  'add-specialisms',
  'update-properties',
  'add-to-groups',
  'remove-from-groups',
  'add-share',
  'enrol',
  'withdraw',
  'add-task',
  'assign-certificate',
  'download-certificates',
  'retake-course',
  'set-deadline',
  'set-participation-status',
  'share-content',
  'send-notification',
  'export-csv',
];

const REVERSIBLE = [
  'change-role',
  'change-language',
  'add-labels',
  'remove-labels',
  'add-specialisms',
  'add-to-groups',
  'remove-from-groups',
  'deactivate',
  'reactivate',
  'archive-profile',
  'reactivate-profile',
  'set-deadline',
  'set-participation-status',
];
const DESTRUCTIVE = ['delete', 'deactivate', 'archive-profile', 'withdraw', 'cancel-invitation'];

const flagged = (flag: 'reversible' | 'destructive') => ACTION_IDS.filter((id) => ACTIONS[id][flag]).sort();

describe('action catalogue', () => {
  it('has exactly the action ids of DESIGN.md §1', () => {
    expect([...ACTION_IDS].sort()).toEqual([...DESIGN_IDS].sort());
    expect(new Set(ACTION_IDS).size).toBe(ACTION_IDS.length);
    for (const id of ACTION_IDS) expect(ACTIONS[id].id).toBe(id);
  });

  it('gives every action an owner service, a permission key, a title and a description', () => {
    for (const id of ACTION_IDS) {
      const action = ACTIONS[id];
      expect(SERVICES).toContain(action.service);
      expect(PERMISSION_KEYS).toContain(action.permission);
      expect(action.title.length).toBeGreaterThan(0);
      expect(action.description.length).toBeGreaterThan(0);
    }
  });

  it('places actions without a service of their own', () => {
    // Export has no service: identity owns the people the CSV lists, so it owns export-csv.
    expect(ACTIONS['export-csv'].service).toBe('identity');
    // Certificates are learning's; the ZIP of them is too.
    expect(ACTIONS['download-certificates'].service).toBe('learning');
    expect(ACTIONS['send-notification'].service).toBe('communications');
    expect(ACTIONS['add-share'].service).toBe('membership');
  });

  it('marks reversible and destructive actions as the design says', () => {
    expect(flagged('reversible')).toEqual([...REVERSIBLE].sort());
    expect(flagged('destructive')).toEqual([...DESTRUCTIVE].sort());
    expect(ACTIONS.delete.permission).toBe('delete');
  });

  it('looks actions up by id', () => {
    expect(actionById('change-role')?.title).toBe('Change role');
    expect(actionById('no-such-action')).toBeUndefined();
    expect(actionById('toString')).toBeUndefined();
  });

  it('describes every parameter for the console forms', () => {
    for (const id of ACTION_IDS) {
      const shape = (ACTIONS[id].params as unknown as { shape: Record<string, { description?: string }> }).shape;
      for (const [field, schema] of Object.entries(shape)) expect([id, field, schema.description]).toEqual([id, field, expect.any(String)]);
    }
  });
});

describe('validateParams', () => {
  it('accepts valid parameters and applies defaults', () => {
    expect(validateParams('change-role', { role: 'Manager' })).toEqual({ ok: true, params: { role: 'Manager' } });
    expect(validateParams('deactivate', {})).toEqual({ ok: true, params: {} });
    expect(validateParams('send-notification', { subject: 'Hi', body: 'Welcome' })).toEqual({
      ok: true,
      params: { subject: 'Hi', body: 'Welcome', email: false },
    });
    expect(validateParams('share-content', { items: [{ kind: 'learnlist', id: 'll-1' }] }).ok).toBe(true);
    expect(validateParams('set-deadline', { courseId: 'c-1', deadline: '2030-01-31' }).ok).toBe(true);
    expect(validateParams('update-properties', { country: 'NL' }).ok).toBe(true);
    expect(validateParams('export-csv', {}).ok).toBe(true);
  });

  it('names the wrong field', () => {
    expect(validateParams('change-role', { role: 'Emperor' })).toMatchObject({ ok: false, field: 'params.role' });
    expect(validateParams('change-role', {})).toMatchObject({ ok: false, field: 'params.role' });
    expect(validateParams('change-language', { language: 'xx' })).toMatchObject({ ok: false, field: 'params.language' });
    expect(validateParams('add-labels', { labels: ['ok', 'x'.repeat(65)] })).toMatchObject({ ok: false, field: 'params.labels.1' });
    expect(validateParams('set-participation-status', { courseId: 'c-1', status: 'maybe' })).toMatchObject({
      ok: false,
      field: 'params.status',
    });
  });

  it('rejects unknown keys, naming the key', () => {
    expect(validateParams('change-role', { role: 'Admin', reason: 'promotion' })).toMatchObject({ ok: false, field: 'params.reason' });
    expect(validateParams('delete', { force: true })).toMatchObject({ ok: false, field: 'params.force' });
  });

  it('bounds strings and lists', () => {
    expect(validateParams('send-notification', { subject: 'Hi', body: 'x'.repeat(5001) })).toMatchObject({
      ok: false,
      field: 'params.body',
    });
    expect(validateParams('add-labels', { labels: Array.from({ length: 101 }, (_, i) => `l${i}`) })).toMatchObject({
      ok: false,
      field: 'params.labels',
    });
    expect(validateParams('enrol', { courseIds: [] })).toMatchObject({ ok: false, field: 'params.courseIds' });
  });

  it('requires at least one property to update', () => {
    expect(validateParams('update-properties', {})).toMatchObject({ ok: false, field: 'params' });
    expect(validateParams('update-properties', { resetAccessCode: false })).toMatchObject({ ok: false, field: 'params' });
    expect(validateParams('update-properties', { resetAccessCode: true }).ok).toBe(true);
  });

  it('rejects an unknown action naming `action`', () => {
    expect(validateParams('promote-everyone', {})).toMatchObject({ ok: false, field: 'action' });
  });
});
