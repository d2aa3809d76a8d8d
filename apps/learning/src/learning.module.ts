import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CohortCoreModule, decideController, erasePersonHandler, IdentityLookupClient } from '@cohort/common';
import { workController, WorkResultsPublisher } from '@cohort/messaging';
import { LEARNING_WORK } from './actions/work-actions';
import { LEARNING_PERSON_DATA } from './learning.person-data';

@Module({
  imports: [CohortCoreModule.forRoot('learning', { mongo: true }), CqrsModule.forRoot()],
  controllers: [workController('learning', LEARNING_WORK.commandFor), decideController('learning', LEARNING_WORK.commandFor)],
  providers: [erasePersonHandler('learning', LEARNING_PERSON_DATA), ...LEARNING_WORK.handlers, WorkResultsPublisher, IdentityLookupClient],
})
export class LearningModule {}
