import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CohortCoreModule, erasePersonHandler } from '@cohort/common';
import { workController, WorkResultsPublisher } from '@cohort/messaging';
import { workAction } from './actions/work-actions';
import { MEMBERSHIP_PERSON_DATA } from './membership.person-data';

const handlers = [erasePersonHandler('membership', MEMBERSHIP_PERSON_DATA)];

@Module({
  imports: [CohortCoreModule.forRoot('membership', { mongo: true }), CqrsModule.forRoot()],
  controllers: [workController('membership', workAction)],
  providers: [...handlers, WorkResultsPublisher],
})
export class MembershipModule {}
