import { validateCommand } from '../validate-command';
import { BatchCommand } from './command';

const valid = {
  commandId: 'cmd-1',
  tenantId: 'demo',
  actor: { userId: 'u-0001' },
  action: 'change-role',
  params: { role: 'Manager' },
  selection: { userIds: ['u-0100', 'u-0101'] },
  options: { dryRun: false, toleratedFailurePercent: 5, scheduledAt: '2030-01-01T08:00:00+01:00', chunkSize: 200 },
};

function firstIssue(input: unknown) {
  const r = BatchCommand.safeParse(input);
  if (r.success) throw new Error('expected the command to be rejected');
  return { path: r.error.issues[0].path.join('.'), message: r.error.issues[0].message };
}

describe('BatchCommand', () => {
  it('accepts a valid command, with ids or with a filter and exclusions', () => {
    expect(BatchCommand.parse(valid)).toEqual(valid);
    const byFilter = { ...valid, selection: { filter: { roles: ['Learner'], statuses: ['active'], q: 'ann' }, excludeIds: ['u-0001'] } };
    expect(BatchCommand.safeParse(byFilter).success).toBe(true);
    expect(BatchCommand.safeParse({ ...valid, selection: { filter: {} }, options: undefined }).success).toBe(true);
  });

  it('requires exactly one of userIds and filter, naming `selection`', () => {
    for (const selection of [{}, { userIds: ['u-1'], filter: { roles: ['HR'] } }, { excludeIds: ['u-1'] }]) {
      const issue = firstIssue({ ...valid, selection });
      expect(issue.path).toBe('selection');
      expect(issue.message).toContain('selection');
    }
  });

  it('rejects more than 10,000 explicit ids', () => {
    const userIds = Array.from({ length: 10_001 }, (_, i) => `u-${i}`);
    expect(firstIssue({ ...valid, selection: { userIds } }).path).toBe('selection.userIds');
    expect(BatchCommand.safeParse({ ...valid, selection: { userIds: userIds.slice(1) } }).success).toBe(true);
  });

  it('rejects a bad tenant id naming `tenantId`', () => {
    expect(firstIssue({ ...valid, tenantId: 'Not A Tenant' }).path).toBe('tenantId');
    expect(firstIssue({ ...valid, tenantId: undefined }).path).toBe('tenantId');
  });

  it('rejects unknown keys and out-of-range options', () => {
    expect(firstIssue({ ...valid, option: {} }).path).toBe('');
    expect(firstIssue({ ...valid, selection: { filter: { role: ['HR'] } } }).path).toBe('selection.filter');
    expect(firstIssue({ ...valid, options: { toleratedFailurePercent: 101 } }).path).toBe('options.toleratedFailurePercent');
    expect(firstIssue({ ...valid, options: { chunkSize: 1001 } }).path).toBe('options.chunkSize');
    expect(firstIssue({ ...valid, options: { scheduledAt: 'tomorrow' } }).path).toBe('options.scheduledAt');
    expect(firstIssue({ ...valid, commandId: '' }).path).toBe('commandId');
  });
});

describe('validateCommand', () => {
  it('returns the command with parsed params and its action', () => {
    const r = validateCommand({ ...valid, action: 'send-notification', params: { subject: 'Hi', body: 'Hello' } });
    expect(r).toMatchObject({ ok: true, action: { id: 'send-notification' }, command: { params: { email: false } } });
  });

  it('says why a command is rejected, with what could be read of it', () => {
    expect(validateCommand({ ...valid, tenantId: 'BAD' })).toEqual({
      ok: false,
      commandId: 'cmd-1',
      reason: { code: 'COMMAND.INVALID', message: expect.any(String), field: 'tenantId' },
    });
    expect(validateCommand({ ...valid, action: 'promote-everyone' })).toMatchObject({
      ok: false,
      reason: { code: 'COMMAND.UNKNOWN_ACTION', field: 'action' },
    });
    expect(validateCommand({ ...valid, params: { role: 'Emperor' } })).toMatchObject({
      ok: false,
      tenantId: 'demo',
      reason: { code: 'COMMAND.INVALID_PARAMS', field: 'params.role' },
    });
    expect(validateCommand('not an object')).toEqual({ ok: false, reason: { code: 'COMMAND.INVALID', message: expect.any(String) } });
  });

  it('requires an invite-users selection to list exactly the invitees', () => {
    const invite = (userIds: string[]) => ({
      ...valid,
      action: 'invite-users',
      params: {
        invitees: [
          { userId: 'u-new-1', email: 'a@example.test' },
          { userId: 'u-new-2', email: 'b@example.test', role: 'HR' },
        ],
      },
      selection: { userIds },
    });
    expect(validateCommand(invite(['u-new-2', 'u-new-1']))).toMatchObject({
      ok: true,
      command: { params: { invitees: [{ role: 'Learner' }, { role: 'HR' }] } },
    });
    expect(validateCommand(invite(['u-new-1']))).toMatchObject({
      ok: false,
      reason: { code: 'COMMAND.INVALID_SELECTION', field: 'selection.userIds' },
    });
  });

  it('takes an invite import only for invite-users and a select import (sel-…) only for the other actions', () => {
    const byImport = (action: string, importId: string, params: object = {}) =>
      validateCommand({ ...valid, action, params, selection: { importId } });
    expect(byImport('invite-users', 'k3j2h1g0f9e8')).toMatchObject({ ok: true });
    expect(byImport('change-language', 'sel-k3j2h1g0f9e8', { language: 'nl' })).toMatchObject({ ok: true });
    const refused = { ok: false, reason: { code: 'COMMAND.INVALID_SELECTION', field: 'selection.importId' } };
    expect(byImport('invite-users', 'sel-k3j2h1g0f9e8')).toMatchObject(refused);
    expect(byImport('change-language', 'k3j2h1g0f9e8', { language: 'nl' })).toMatchObject(refused);
  });
});
