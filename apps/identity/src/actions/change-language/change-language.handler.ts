import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { failAll, opKey } from '@cohort/messaging';
import { IDENTITY } from '../../identity.errors';
import { PeopleRepository, PersonChange } from '../../people/people.repository';
import { Person } from '../../people/person.schema';

export const ChangeLanguageParams = z.object({
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language code such as en, nl or pt-BR'),
});

export class ChangeLanguage {
  constructor(readonly work: WorkChunk) {}
}

export type Decision = { outcome: Outcome; change?: PersonChange };

/** Pure: what changing one person's language means, given what is stored and which op this is. */
export function decideLanguageChange(userId: string, person: Person | undefined, language: string, key: string): Decision {
  if (!person) return { outcome: { userId, status: 'failed', code: IDENTITY.NOT_FOUND, message: 'person not found', retryable: false } };
  const applied = person.ops?.find((op) => op.k === key);
  if (applied) return { outcome: { userId, status: 'succeeded', before: applied.b } };
  if (person.language === language) {
    return { outcome: { userId, status: 'skipped', code: IDENTITY.UNCHANGED, message: `language is already ${language}` } };
  }
  return {
    outcome: { userId, status: 'succeeded', before: person.language },
    change: { userId, set: { language }, op: { k: key, b: person.language } },
  };
}

@CommandHandler(ChangeLanguage)
export class ChangeLanguageHandler implements ICommandHandler<ChangeLanguage, Outcome[]> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ work }: ChangeLanguage): Promise<Outcome[]> {
    const params = ChangeLanguageParams.safeParse(work.params);
    if (!params.success) return failAll(work, IDENTITY.INVALID_PARAMS, `params.${params.error.issues[0].path.join('.')}: ${params.error.issues[0].message}`);
    const found = await this.people.findMany(work.tenantId, work.userIds);
    const decisions = work.userIds.map((id) => decideLanguageChange(id, found.get(id), params.data.language, opKey(work)));
    await this.people.apply(work.tenantId, decisions.flatMap((d) => (d.change ? [d.change] : [])));
    return decisions.map((d) => d.outcome);
  }
}
