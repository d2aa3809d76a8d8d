import { runService } from '@cohort/common';
import { OrchestratorModule } from './orchestrator.module';

runService(OrchestratorModule);
