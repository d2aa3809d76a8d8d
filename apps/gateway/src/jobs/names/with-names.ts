import { Injectable, Logger } from '@nestjs/common';
import type { PersonView } from '@cohort/contracts';
import { IdentityClient } from '../../upstream/identity.client';

/** Pure: each row with the name and e-mail of its person, where identity knows them (rows of unknown people stay as they are). */
export function withNames<T extends { userId: string }>(rows: readonly T[], people: ReadonlyMap<string, Pick<PersonView, 'name' | 'email'>>): T[] {
  return rows.map((row) => {
    const person = people.get(row.userId);
    return person ? { ...row, ...(person.name && { name: person.name }), email: person.email } : row;
  });
}

/**
 * Names the people of a page of results or a preview sample (one identity look-up per page): results read as
 * people, not ids. When identity cannot answer, the rows go out without names rather than not at all.
 */
@Injectable()
export class PeopleNames {
  private readonly log = new Logger(PeopleNames.name);

  constructor(private readonly identity: IdentityClient) {}

  async add<T extends { userId: string }>(tenantId: string, rows: readonly T[]): Promise<T[]> {
    if (rows.length === 0) return [...rows];
    try {
      return withNames(
        rows,
        await this.identity.lookup(
          tenantId,
          rows.map((r) => r.userId),
        ),
      );
    } catch (err) {
      this.log.warn({ msg: 'people not named: identity did not answer', tenantId, err: String(err) });
      return [...rows];
    }
  }

  /** Each job with the name of who asked for it (`actorName`), one look-up for the page. */
  async actors<T extends { actorId: string }>(tenantId: string, jobs: readonly T[]): Promise<T[]> {
    const named = await this.add(
      tenantId,
      jobs.map((j) => ({ userId: j.actorId }) as { userId: string; name?: string; email?: string }),
    );
    return jobs.map((job, i) => {
      const who = named[i].name ?? named[i].email;
      return who ? { ...job, actorName: who } : job;
    });
  }
}
