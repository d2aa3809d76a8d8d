import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PeopleFound, PersonView } from '@cohort/contracts';
import { IDENTITY, IdentityError } from '../../identity.errors';
import { PeopleRepository } from '../people.repository';
import { toPersonView } from '../person.view';

export class GetPerson {
  constructor(
    readonly tenantId: string,
    readonly userId: string,
  ) {}
}

/** One person of the tenant by id (a `{_id}` read); another tenant's person is not found. */
@QueryHandler(GetPerson)
export class GetPersonHandler implements IQueryHandler<GetPerson, PersonView> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ tenantId, userId }: GetPerson): Promise<PersonView> {
    const person = await this.people.findOne(tenantId, userId);
    if (!person) throw new IdentityError(IDENTITY.NOT_FOUND, `no person ${userId} in this tenant`, 'userId');
    return toPersonView(person);
  }
}

export class LookupPeople {
  constructor(
    readonly tenantId: string,
    readonly userIds: readonly string[],
  ) {}
}

/** The people of a chunk that exist in the tenant (point reads; another tenant's ids are absent). */
@QueryHandler(LookupPeople)
export class LookupPeopleHandler implements IQueryHandler<LookupPeople, PeopleFound> {
  constructor(private readonly people: PeopleRepository) {}

  async execute({ tenantId, userIds }: LookupPeople): Promise<PeopleFound> {
    const found = await this.people.findMany(tenantId, [...new Set(userIds)]);
    return { people: [...found.values()].map(toPersonView) };
  }
}
