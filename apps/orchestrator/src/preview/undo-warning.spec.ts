import { loadEngineConfig } from '../engine/engine.config';
import { Job } from '../jobs/job.schema';
import { summarise, Tally } from './preview-tally';
import { undoWarning } from './undo-warning';

describe('undoWarning', () => {
  it('says what comes back and what the inverse does besides: the undo of add-to-groups removes unstarted auto-enrolments', () => {
    expect(undoWarning({ action: 'add-to-groups' }, 'undo-add-to-groups')).toEqual({
      code: 'UNDO',
      message:
        'this undoes the add to teams or groups job: each person it changed gets their prior value back; the enrolments its auto-enrolment made are removed too, except those the person has started or finished',
    });
  });

  it('the undo of remove-from-groups enrols nobody again', () => {
    expect(undoWarning({ action: 'remove-from-groups' }, 'restore-groups').message).toMatch(
      /; nobody is auto-enrolled again: no course starts over$/,
    );
  });

  it("names what the undo cannot bring back (the action's undoLeaves)", () => {
    expect(undoWarning({ action: 'deactivate' }, 'reactivate').message).toMatch(
      /^this undoes the deactivate job: .*; it does not bring back the open tasks and upcoming event enrolments it removed/,
    );
  });
});

describe('summarise an undo', () => {
  const config = { ...loadEngineConfig({}), approvalThreshold: 1 };
  const draft = (action: string, total: number) => ({ _id: 'd1', action, total, undoOf: 'j1' }) as Job;
  const tally = (n: number) => {
    const t = new Tally();
    t.add(Array.from({ length: n }, (_, i) => ({ userId: `u${i}`, status: 'succeeded' as const, before: ['g1'], data: { after: [] } })));
    return t;
  };

  it('runs a participant-only inverse: the warnings lead, nothing destructive, no approval, the job it undoes named', () => {
    const lead = { code: 'UNDO', message: 'this undoes …' };
    const preview = summarise(draft('restore-groups', 3), tally(3), config, new Date(0), [lead]);
    expect(preview).toMatchObject({ action: 'restore-groups', undoOf: 'j1', total: 3, willChange: 3, exact: true, requiresApprovalCount: false });
    expect(preview.warnings).toEqual([lead]);
  });

  it('a destructive catalogue inverse (the undo of reactivate deactivates) warns and asks for the count', () => {
    const preview = summarise(draft('deactivate', 3), tally(3), config, new Date(0));
    expect(preview.requiresApprovalCount).toBe(true);
    expect(preview.warnings.map((w) => w.code)).toEqual(['DESTRUCTIVE', 'APPROVAL_REQUIRED']);
  });
});
