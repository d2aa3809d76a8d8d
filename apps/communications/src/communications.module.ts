import { Module } from '@nestjs/common';
import { CohortCoreModule } from '@cohort/common';

@Module({
  imports: [CohortCoreModule.forRoot('communications', { mongo: true })],
})
export class CommunicationsModule {}
