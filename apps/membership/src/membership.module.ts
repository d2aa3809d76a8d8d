import { Module } from '@nestjs/common';
import { CohortCoreModule } from '@cohort/common';
import { notYetBuiltWorkController, WorkResultsPublisher } from '@cohort/messaging';

@Module({
  imports: [CohortCoreModule.forRoot('membership', { mongo: true })],
  // until its actions are built, every work chunk is answered with a per-person UNKNOWN_ACTION failure
  controllers: [notYetBuiltWorkController('membership')],
  providers: [WorkResultsPublisher],
})
export class MembershipModule {}
