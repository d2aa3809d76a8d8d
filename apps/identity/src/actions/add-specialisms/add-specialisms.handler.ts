import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository } from '../../people/people.repository';
import { applyListChange } from '../list-field/apply-list-change';

/** A work chunk of `add-specialisms`; a dry run decides without writing. */
export class AddSpecialisms {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Adds the specialisms each person lacks; its undo is `set-specialisms` back to the prior list. */
@CommandHandler(AddSpecialisms)
export class AddSpecialismsHandler implements ICommandHandler<AddSpecialisms, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work, dryRun }: AddSpecialisms): Promise<Outcome[]> {
    const params = validateParams('add-specialisms', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    return applyListChange(this.people, work, dryRun, { field: 'specialisms', op: 'add', values: params.params.specialisms });
  }
}
