import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository } from '../../people/people.repository';
import { applyListChange } from '../list-field/apply-list-change';

/** A work chunk of `remove-labels`; a dry run decides without writing. */
export class RemoveLabels {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Removes the labels from each person; someone carrying none of them is skipped as unchanged. */
@CommandHandler(RemoveLabels)
export class RemoveLabelsHandler implements ICommandHandler<RemoveLabels, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work, dryRun }: RemoveLabels): Promise<Outcome[]> {
    const params = validateParams('remove-labels', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    return applyListChange(this.people, work, dryRun, { field: 'labels', op: 'remove', values: params.params.labels });
  }
}
