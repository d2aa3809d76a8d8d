import { Outcome, WorkChunk } from '@cohort/contracts';
import { opKey } from '@cohort/messaging';
import { PeopleRepository } from '../../people/people.repository';
import { decideEach, DRY_RUN_KEY, dryRunOutcome } from '../decision';
import { decideListChange, ListChange } from './list-field.decision';

/**
 * The body every list-field action shares once its params are valid: decide each person of the chunk,
 * then one bulk write (none for a dry run, which reports before → after instead).
 */
export async function applyListChange(people: PeopleRepository, work: WorkChunk, dryRun: boolean, change: ListChange): Promise<Outcome[]> {
  const found = await people.findMany(work.tenantId, work.userIds);
  const key = dryRun ? DRY_RUN_KEY : opKey(work);
  const decisions = decideEach(work.userIds, (id) => decideListChange(id, found.get(id), change, key));
  if (dryRun) return decisions.map(dryRunOutcome);
  await people.apply(
    work.tenantId,
    decisions.flatMap((d) => (d.change ? [d.change] : [])),
  );
  return decisions.map((d) => d.outcome);
}
