import { Module } from '@nestjs/common';
import { CohortCoreModule } from '@cohort/common';

@Module({
  imports: [CohortCoreModule.forRoot('orchestrator', { mongo: true })],
})
export class OrchestratorModule {}
