import { runService } from '@cohort/common';
import { GatewayModule } from './gateway.module';

runService(GatewayModule, { consume: false });
