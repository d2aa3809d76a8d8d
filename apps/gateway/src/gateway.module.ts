import { Module } from '@nestjs/common';
import { CohortCoreModule } from '@cohort/common';

@Module({
  imports: [CohortCoreModule.forRoot('gateway', { mongo: false })],
})
export class GatewayModule {}
