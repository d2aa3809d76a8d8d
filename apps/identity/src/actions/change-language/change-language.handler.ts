import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Outcome, validateParams, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository } from '../../people/people.repository';
import { Person } from '../../people/person.schema';
import { appliedOp, changed, Decision, decideEach, DRY_RUN_KEY, dryRunOutcome, notFound, replayed, skipped } from '../decision';

/** A work chunk of `change-language`; a dry run decides without writing. */
export class ChangeLanguage {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/** Pure: what changing one person's language means, given what is stored and which op this is. */
export function decideLanguageChange(userId: string, person: Person | undefined, language: string, key: string): Decision {
  if (!person) return notFound(userId);
  const applied = appliedOp(person, key);
  if (applied) return replayed(userId, applied);
  if (person.language === language) return skipped(userId, IDENTITY.UNCHANGED, `language is already ${language}`, person.language);
  return changed(userId, 'language', person.language, language, key);
}

@CommandHandler(ChangeLanguage)
export class ChangeLanguageHandler implements ICommandHandler<ChangeLanguage, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work, dryRun }: ChangeLanguage): Promise<Outcome[]> {
    const params = validateParams('change-language', work.params);
    if (!params.ok) return failAll(work, IDENTITY.INVALID_PARAMS, `${params.field}: ${params.message}`);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const key = dryRun ? DRY_RUN_KEY : opKey(work);
    const decisions = decideEach(work.userIds, (id) => decideLanguageChange(id, found.get(id), params.params.language, key));
    if (dryRun) return decisions.map(dryRunOutcome);
    await this.people.apply(
      work.tenantId,
      decisions.flatMap((d) => (d.change ? [d.change] : [])),
    );
    return decisions.map((d) => d.outcome);
  }
}
