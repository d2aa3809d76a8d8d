import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CohortCoreModule, decideController, erasePersonHandler, IdentityLookupClient } from '@cohort/common';
import { workController, WorkResultsPublisher } from '@cohort/messaging';
import { MEMBERSHIP_WORK } from './actions/work-actions';
import { MEMBERSHIP_PERSON_DATA } from './membership.person-data';

@Module({
  imports: [CohortCoreModule.forRoot('membership', { mongo: true }), CqrsModule.forRoot()],
  controllers: [workController('membership', MEMBERSHIP_WORK.commandFor), decideController('membership', MEMBERSHIP_WORK.commandFor)],
  providers: [erasePersonHandler('membership', MEMBERSHIP_PERSON_DATA), ...MEMBERSHIP_WORK.handlers, WorkResultsPublisher, IdentityLookupClient],
})
export class MembershipModule {}
