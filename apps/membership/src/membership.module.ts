import { Module } from '@nestjs/common';
import { CohortCoreModule } from '@cohort/common';

@Module({
  imports: [CohortCoreModule.forRoot('membership', { mongo: true })],
})
export class MembershipModule {}
