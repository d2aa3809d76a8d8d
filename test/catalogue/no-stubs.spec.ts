import 'reflect-metadata';
import { PATH_METADATA } from '@nestjs/common/constants';
import { Type } from '@nestjs/common';
import { ACTION_IDS, actionById, ServiceName } from '@cohort/contracts';
import { workAction as communicationsAction } from '../../apps/communications/src/actions/work-actions';
import { workAction as identityAction } from '../../apps/identity/src/actions/work-actions';
import { LEARNING_WORK } from '../../apps/learning/src/actions/work-actions';
import { MEMBERSHIP_WORK } from '../../apps/membership/src/actions/work-actions';
import { SAGAS } from '../../apps/orchestrator/src/sagas';

/**
 * Nothing in the catalogue is a stub (issue 19), read from the code itself rather than from a list kept by
 * hand: every step of every saga, every compensation and every inverse job an undo can start has a handler
 * in the service that runs it, and every action that promises a file has a route that serves it.
 */
const handles: Record<ServiceName, (action: string) => boolean> = {
  identity: (a) => identityAction(a) !== undefined,
  membership: (a) => MEMBERSHIP_WORK.commandFor(a) !== undefined,
  learning: (a) => LEARNING_WORK.commandFor(a) !== undefined,
  communications: (a) => communicationsAction(a) !== undefined,
};

/** Values an undo's `before` takes across the participants: none, lists, bare values and per-field records. */
const BEFORE_PROBES: unknown[] = [undefined, null, [], ['x'], 'x', 3, { deadline: 'x', status: 'x', completedAt: null }, { x: 'y' }];
const PARAM_PROBES: Record<string, unknown>[] = [
  {},
  { labels: ['x'], specialisms: ['x'], groupIds: ['g'], courseId: 'c', language: 'nl', role: 'Learner' },
];

/** Every inverse job a saga's undo can ask for, over the probes. */
function inverseActions(action: string): string[] {
  const inverse = SAGAS.get(action)?.inverse;
  if (!inverse) return [];
  const found = new Set<string>();
  for (const params of PARAM_PROBES)
    for (const before of BEFORE_PROBES) {
      const job = inverse(params, before, 'j');
      if (job) found.add(job.action);
    }
  return [...found];
}

/** The GET routes of a Nest module's controllers, as `controller path/method path`. */
function getRoutes(module: Type): string[] {
  const controllers = (Reflect.getMetadata('controllers', module) ?? []) as Type[];
  return controllers.flatMap((c) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, c) ?? '');
    return Object.getOwnPropertyNames(c.prototype).flatMap((name) => {
      const handler = (c.prototype as Record<string, unknown>)[name];
      const path = typeof handler === 'function' ? (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) : undefined;
      return path === undefined ? [] : [`${base}/${path}`.replace(/\/+/g, '/')];
    });
  });
}

describe('no stubs: the catalogue, the sagas and the services agree', () => {
  it('every catalogue action has a saga, and every saga step and compensation a handler in its service', () => {
    const missing: string[] = [];
    for (const id of ACTION_IDS) if (!SAGAS.has(id)) missing.push(`${id}: no saga`);
    for (const saga of SAGAS.values()) {
      for (const step of saga.steps) {
        if (!handles[step.service](step.action)) missing.push(`${saga.action}: ${step.service} has no handler for ${step.action}`);
        if (step.compensate && !handles[step.service](step.compensate))
          missing.push(`${saga.action}: ${step.service} has no handler for the compensation ${step.compensate}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every job an undo can start is a saga whose steps have handlers', () => {
    const missing: string[] = [];
    for (const saga of SAGAS.values()) {
      for (const inverse of inverseActions(saga.action)) {
        const target = SAGAS.get(inverse);
        if (!target) missing.push(`${saga.action}: its undo runs ${inverse}, which has no saga`);
        else
          for (const step of target.steps)
            if (!handles[step.service](step.action)) missing.push(`${inverse}: ${step.service} has no handler for ${step.action}`);
      }
    }
    expect(missing).toEqual([]);
    // the probes reach every reversible action's inverse (a probe set that finds nothing would prove nothing)
    const reversible = ACTION_IDS.filter((id) => actionById(id)!.reversible);
    expect(reversible.filter((id) => inverseActions(id).length === 0)).toEqual([]);
  });

  it('every action that promises a file is served by its owning service at jobs/:jobId/artifact', async () => {
    const modules: Record<ServiceName, () => Promise<Type>> = {
      identity: async () => (await import('../../apps/identity/src/identity.module')).IdentityModule,
      membership: async () => (await import('../../apps/membership/src/membership.module')).MembershipModule,
      learning: async () => (await import('../../apps/learning/src/learning.module')).LearningModule,
      communications: async () => (await import('../../apps/communications/src/communications.module')).CommunicationsModule,
    };
    const withFile = ACTION_IDS.map((id) => actionById(id)!).filter((a) => a.artifact);
    expect(withFile.map((a) => a.id).sort()).toEqual(expect.arrayContaining(['download-certificates', 'export-csv']));
    for (const action of withFile) {
      const routes = getRoutes(await modules[actionById(action.id)!.service]());
      expect({ action: action.id, served: routes.includes('internal/tenants/:tenantId/jobs/:jobId/artifact') }).toEqual({
        action: action.id,
        served: true,
      });
    }
  });
});
