import { COMPENSATION_STEP_OFFSET, Outcome, PersonStatus, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { TenantsRepository } from '../../tenants/tenants.repository';
import { Decision, DRY_RUN_KEY, dryRunOutcome } from '../decision';
import { writeGuarded } from '../owner-guard';
import { decideRestores, decideTransitions, lastActiveOwner, StatusTransition } from './status-transition';

/** The stores a status change reads and writes. */
export interface StatusStores {
  people: PeopleRepository;
  tenants: TenantsRepository;
}

type DecideChunk = (found: ReadonlyMap<string, Person>, owners: ReadonlySet<string>, key: string) => Decision[];

/**
 * Runs `rule` over a work chunk: validates the params against `paramsOf` (the catalogue action whose
 * params the chunk carries), decides every person, and writes through the owner guard (a dry run only decides).
 */
export function runTransition(stores: StatusStores, work: WorkChunk, dryRun: boolean, paramsOf: string, rule: StatusTransition): Promise<Outcome[]> {
  return run(stores, work, dryRun, paramsOf, (found, owners, key) =>
    decideTransitions(work.userIds, found, rule, { key, actorId: work.actorId, owners }),
  );
}

/** Whether the chunk is a saga compensation (of the forward step `work.step - COMPENSATION_STEP_OFFSET`). */
export function isCompensation(work: Pick<WorkChunk, 'step'>): boolean {
  return work.step >= COMPENSATION_STEP_OFFSET;
}

/**
 * Compensates a forward status change of the same job: puts back the status kept in the forward
 * step's op marker for everyone still in `forwardStatus`.
 */
export function runRestore(
  stores: StatusStores,
  work: WorkChunk,
  dryRun: boolean,
  paramsOf: string,
  forwardStatus: PersonStatus,
): Promise<Outcome[]> {
  const forwardKey = opKey({ jobId: work.jobId, step: work.step - COMPENSATION_STEP_OFFSET });
  return run(stores, work, dryRun, paramsOf, (found, _owners, key) => decideRestores(work.userIds, found, { key, forwardKey, forwardStatus }));
}

async function run(stores: StatusStores, work: WorkChunk, dryRun: boolean, paramsOf: string, decide: DecideChunk): Promise<Outcome[]> {
  const params = validateParams(paramsOf, work.params);
  if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
  const found = await stores.people.findMany(work.tenantId, work.userIds);
  const owners = new Set(await stores.tenants.owners(work.tenantId));
  const decisions = decide(found, owners, dryRun ? DRY_RUN_KEY : opKey(work));
  if (dryRun) return decisions.map(dryRunOutcome);
  const refused = await writeGuarded(stores, work.tenantId, decisions, found, owners);
  return decisions.map((d) => (refused.has(d.outcome.userId) ? lastActiveOwner(d.outcome.userId).outcome : d.outcome));
}
