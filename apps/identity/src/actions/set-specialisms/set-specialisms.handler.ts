import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { failAll } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository } from '../../people/people.repository';
import { applyListChange } from '../list-field/apply-list-change';
import { validateSetSpecialisms } from './set-specialisms.params';

/** A work chunk of `set-specialisms`; a dry run decides without writing. */
export class SetSpecialisms {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Replaces each person's specialisms with the list given (possibly empty): how add-specialisms is undone. */
@CommandHandler(SetSpecialisms)
export class SetSpecialismsHandler implements ICommandHandler<SetSpecialisms, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work, dryRun }: SetSpecialisms): Promise<Outcome[]> {
    const params = validateSetSpecialisms(work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    return applyListChange(this.people, work, dryRun, { field: 'specialisms', op: 'set', values: params.params.specialisms });
  }
}
