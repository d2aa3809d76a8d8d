import { ACTION_IDS } from '@cohort/contracts';
import { actionById } from '@cohort/contracts';
import { actionsWithoutSaga, sagaFor, SAGAS } from './index';

describe('sagas', () => {
  it('every catalogue action has exactly one saga', () => {
    expect(actionsWithoutSaga()).toEqual([]);
  });

  it('starts each saga at the service that owns the action', () => {
    for (const id of ACTION_IDS) expect(sagaFor(id)!.steps[0].service).toBe(actionById(id)!.service);
  });

  it('every reversible action says how to undo it, and every compensation names a participant action', () => {
    for (const id of ACTION_IDS) if (actionById(id)!.reversible) expect(sagaFor(id)!.inverse).toBeDefined();
    for (const saga of SAGAS.values()) for (const s of saga.steps) if (s.compensate) expect(s.compensate).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('undoes a role change with the prior role, and label changes with only what really changed', () => {
    expect(sagaFor('change-role')!.inverse!({ role: 'Admin' }, 'Learner', 'j')).toEqual({ action: 'change-role', params: { role: 'Learner' } });
    expect(sagaFor('add-labels')!.inverse!({ labels: ['x', 'y'] }, ['y'], 'j')).toEqual({ action: 'remove-labels', params: { labels: ['x'] } });
    expect(sagaFor('add-labels')!.inverse!({ labels: ['y'] }, ['y'], 'j')).toBeUndefined();
    const status = sagaFor('set-participation-status')!.inverse!;
    expect(status({ courseId: 'c1', status: 'passed' }, { status: 'in-progress', completedAt: null }, 'j')).toEqual({
      action: 'restore-enrolment-status',
      params: { courseId: 'c1', status: 'in-progress', completedAt: null },
    });
    expect(status({ courseId: 'c1', status: 'failed' }, { status: 'passed', completedAt: '2026-01-02T00:00:00.000Z' }, 'j')).toEqual({
      action: 'restore-enrolment-status',
      params: { courseId: 'c1', status: 'passed', completedAt: '2026-01-02T00:00:00.000Z' },
    });
    expect(sagaFor('set-deadline')!.inverse!({ courseId: 'c1', deadline: '2027-01-01' }, { deadline: null }, 'j')).toEqual({
      action: 'restore-deadline',
      params: { courseId: 'c1', deadline: null },
    });
  });

  it('undoes group changes exactly: back into the groups without auto-enrolment; out of them with the enrolments the job made', () => {
    expect(sagaFor('remove-from-groups')!.inverse!({ groupIds: ['g1', 'g2'] }, ['g1'], 'j1')).toEqual({
      action: 'restore-groups',
      params: { groupIds: ['g1'] },
    });
    expect(sagaFor('add-to-groups')!.inverse!({ groupIds: ['g1', 'g2'] }, ['g2'], 'j1')).toEqual({
      action: 'undo-add-to-groups',
      params: { groupIds: ['g2'], undoOf: 'j1' },
    });
    expect(sagaFor('undo-add-to-groups')!.steps.map((s) => `${s.service} ${s.action}`)).toEqual([
      'membership remove-from-groups',
      'learning remove-auto-enrolments',
    ]);
    expect(sagaFor('restore-groups')!.steps.map((s) => `${s.service} ${s.action}`)).toEqual(['membership restore-groups']);
  });
});
