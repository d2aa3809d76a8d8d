import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MongooseModule } from '@nestjs/mongoose';
import { CohortCoreModule, decideController, erasePersonHandler, IdentityLookupClient } from '@cohort/common';
import { PersonFactsPublisher, workController, WorkResultsPublisher } from '@cohort/messaging';
import { MEMBERSHIP_WORK } from './actions/work-actions';
import { Group, GroupSchema } from './groups/group.schema';
import { GroupsHttpController } from './groups/groups.http.controller';
import { GroupsRepository } from './groups/groups.repository';
import { ListGroupsHandler } from './groups/list-groups.query';
import { ManagerScopeHttpController } from './managers/manager-scope.http.controller';
import { GetManagerScopeHandler } from './managers/manager-scope.query';
import { MEMBERSHIP_PERSON_DATA } from './membership.person-data';
import { MembershipFacts } from './memberships/membership-facts';
import { Membership, MembershipSchema } from './memberships/membership.schema';
import { MembershipsRepository } from './memberships/memberships.repository';
import { PersonMembershipsHttpController } from './memberships/person-memberships.http.controller';
import { GetPersonMembershipsHandler } from './memberships/person-memberships.query';

const handlers = [erasePersonHandler('membership', MEMBERSHIP_PERSON_DATA), ...MEMBERSHIP_WORK.handlers];
const queries = [ListGroupsHandler, GetPersonMembershipsHandler, GetManagerScopeHandler];
const repositories = [MembershipsRepository, GroupsRepository, MembershipFacts];

@Module({
  imports: [
    CohortCoreModule.forRoot('membership', { mongo: true }),
    CqrsModule.forRoot(),
    MongooseModule.forFeature([
      { name: Membership.name, schema: MembershipSchema },
      { name: Group.name, schema: GroupSchema },
    ]),
  ],
  controllers: [
    workController('membership', MEMBERSHIP_WORK.commandFor),
    decideController('membership', MEMBERSHIP_WORK.commandFor),
    GroupsHttpController,
    PersonMembershipsHttpController,
    ManagerScopeHttpController,
  ],
  providers: [...handlers, ...queries, ...repositories, WorkResultsPublisher, PersonFactsPublisher, IdentityLookupClient],
})
export class MembershipModule {}
