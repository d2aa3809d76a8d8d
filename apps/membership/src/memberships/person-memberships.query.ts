import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PersonMemberships } from '@cohort/contracts';
import { byKindAndName } from '../groups/group.schema';
import { GroupsRepository } from '../groups/groups.repository';
import { MembershipsRepository } from './memberships.repository';

/** One person's teams and groups (with names) and the managers they are shared with. */
export class GetPersonMemberships {
  constructor(
    readonly tenantId: string,
    readonly userId: string,
  ) {}
}

/** Someone membership knows nothing about (or of another tenant) has empty lists, not a 404: identity says who exists. */
@QueryHandler(GetPersonMemberships)
export class GetPersonMembershipsHandler implements IQueryHandler<GetPersonMemberships, PersonMemberships> {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly groups: GroupsRepository,
  ) {}

  async execute({ tenantId, userId }: GetPersonMemberships): Promise<PersonMemberships> {
    const doc = await this.memberships.findOne(tenantId, userId);
    if (!doc) return { groups: [], sharedWith: [] };
    const groups = await this.groups.byIds(tenantId, doc.groupIds ?? []);
    return {
      // a group deleted since the person joined it is left out
      groups: [...groups.values()].sort(byKindAndName).map((g) => ({ groupId: g.groupId, name: g.name, kind: g.kind })),
      sharedWith: [...(doc.sharedWith ?? [])],
    };
  }
}
