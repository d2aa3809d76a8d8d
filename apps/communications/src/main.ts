import { runService } from '@cohort/common';
import { CommunicationsModule } from './communications.module';

runService(CommunicationsModule);
