import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GroupList } from '@cohort/contracts';
import { groupView } from './group.schema';
import { GroupsRepository } from './groups.repository';

/** The tenant's teams and groups for pickers, with their auto-enrolment targets and managers. */
export class ListGroups {
  constructor(readonly tenantId: string) {}
}

@QueryHandler(ListGroups)
export class ListGroupsHandler implements IQueryHandler<ListGroups, GroupList> {
  constructor(private readonly groups: GroupsRepository) {}

  async execute({ tenantId }: ListGroups): Promise<GroupList> {
    return { items: (await this.groups.list(tenantId)).map(groupView) };
  }
}
