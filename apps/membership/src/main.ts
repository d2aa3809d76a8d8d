import { runService } from '@cohort/common';
import { MembershipModule } from './membership.module';

runService(MembershipModule);
