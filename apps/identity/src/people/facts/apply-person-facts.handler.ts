import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PersonFacts } from '@cohort/contracts';
import { PeopleRepository } from '../people.repository';

/** Keep identity's copy of what membership or learning says about a person (see PersonFacts). */
export class ApplyPersonFacts {
  constructor(readonly facts: PersonFacts) {}
}

/** The copied fields and the `factsAt` slot each kind of list is dated in. */
export function factsUpdate(facts: PersonFacts): { slot: 'groups' | 'courses'; set: Record<string, string[]> }[] {
  const updates: { slot: 'groups' | 'courses'; set: Record<string, string[]> }[] = [];
  if (facts.groupIds) updates.push({ slot: 'groups', set: { groupIds: [...new Set(facts.groupIds)] } });
  if (facts.courseIds || facts.completedCourseIds) {
    const courseIds = [...new Set(facts.courseIds ?? [])];
    const list = (ids: string[] | undefined) => [...new Set(ids ?? [])];
    updates.push({
      slot: 'courses',
      set: {
        courseIds,
        // a finished, passed or failed record outlives a withdraw; started is of current enrolments only
        completedCourseIds: list(facts.completedCourseIds),
        passedCourseIds: list(facts.passedCourseIds),
        failedCourseIds: list(facts.failedCourseIds),
        startedCourseIds: list(facts.startedCourseIds).filter((c) => courseIds.includes(c)),
      },
    });
  }
  return updates;
}

/**
 * Writes the lists onto the person unless a newer message of the same kind was applied already (`factsAt`):
 * facts are whole lists, so applying one twice is harmless and the newest read wins. A person identity does
 * not know (erased meanwhile, or never invited) is left alone. Work-action op markers and `v` are untouched.
 */
@CommandHandler(ApplyPersonFacts)
export class ApplyPersonFactsHandler implements ICommandHandler<ApplyPersonFacts, void> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ facts }: ApplyPersonFacts): Promise<void> {
    const at = new Date(facts.at);
    for (const { slot, set } of factsUpdate(facts)) {
      await this.people.setFacts(facts.tenantId, facts.userId, slot, at, set);
    }
  }
}
