import { runService } from '@cohort/common';
import { LearningModule } from './learning.module';

runService(LearningModule);
