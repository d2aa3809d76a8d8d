import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository } from '../../people/people.repository';
import { applyListChange } from '../list-field/apply-list-change';

/** A work chunk of `add-labels`; a dry run decides without writing. */
export class AddLabels {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Adds the labels each person lacks; someone who has them all is skipped as unchanged. */
@CommandHandler(AddLabels)
export class AddLabelsHandler implements ICommandHandler<AddLabels, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work, dryRun }: AddLabels): Promise<Outcome[]> {
    const params = validateParams('add-labels', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    return applyListChange(this.people, work, dryRun, { field: 'labels', op: 'add', values: params.params.labels });
  }
}
