import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CohortCoreModule, erasePersonHandler } from '@cohort/common';
import { workController, WorkResultsPublisher } from '@cohort/messaging';
import { RemoveTemporaryDataHandler } from './actions/remove-temporary-data/remove-temporary-data.handler';
import { workAction } from './actions/work-actions';
import { LEARNING_PERSON_DATA } from './learning.person-data';

const handlers = [erasePersonHandler('learning', LEARNING_PERSON_DATA), RemoveTemporaryDataHandler];

@Module({
  imports: [CohortCoreModule.forRoot('learning', { mongo: true }), CqrsModule.forRoot()],
  controllers: [workController('learning', workAction)],
  providers: [...handlers, WorkResultsPublisher],
})
export class LearningModule {}
