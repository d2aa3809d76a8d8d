import { Module } from '@nestjs/common';
import { CohortCoreModule } from '@cohort/common';

@Module({
  imports: [CohortCoreModule.forRoot('learning', { mongo: true })],
})
export class LearningModule {}
