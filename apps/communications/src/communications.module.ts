import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CohortCoreModule, erasePersonHandler } from '@cohort/common';
import { workController, WorkResultsPublisher } from '@cohort/messaging';
import { HoldMessagesHandler } from './actions/hold-messages/hold-messages.handler';
import { workAction } from './actions/work-actions';
import { COMMUNICATIONS_PERSON_DATA } from './communications.person-data';

const handlers = [erasePersonHandler('communications', COMMUNICATIONS_PERSON_DATA), HoldMessagesHandler];

@Module({
  imports: [CohortCoreModule.forRoot('communications', { mongo: true }), CqrsModule.forRoot()],
  controllers: [workController('communications', workAction)],
  providers: [...handlers, WorkResultsPublisher],
})
export class CommunicationsModule {}
