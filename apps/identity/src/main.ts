import { runService } from '@cohort/common';
import { IdentityModule } from './identity.module';

runService(IdentityModule);
