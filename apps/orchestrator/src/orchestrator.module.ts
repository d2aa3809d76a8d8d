import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CohortCoreModule } from '@cohort/common';
import { DecideClient } from './clients/decide.client';
import { IdentityClient } from './clients/identity.client';
import { ENGINE_CONFIG, loadEngineConfig } from './engine/engine.config';
import { EngineService } from './engine/engine.service';
import { JobEventsPublisher } from './engine/job-events.publisher';
import { IntakeHttpController } from './intake/intake.http.controller';
import { IntakeService } from './intake/intake.service';
import { Chunk, ChunkSchema } from './jobs/chunk.schema';
import { ChunksRepository } from './jobs/chunks.repository';
import { JobControlService } from './jobs/job-control.service';
import { CommandClaim, CommandClaimSchema, Job, JobSchema } from './jobs/job.schema';
import { JobsHttpController } from './jobs/jobs.http.controller';
import { JobsQueryService } from './jobs/jobs-query.service';
import { JobsRepository } from './jobs/jobs.repository';
import { OrchestratorKafkaController } from './orchestrator.kafka.controller';
import { PreviewService } from './preview/preview.service';

const repositories = [JobsRepository, ChunksRepository];
const clients = [IdentityClient, DecideClient];
const services = [EngineService, JobEventsPublisher, IntakeService, PreviewService, JobsQueryService, JobControlService];

@Module({
  imports: [
    CohortCoreModule.forRoot('orchestrator', { mongo: true }),
    MongooseModule.forFeature([
      { name: Job.name, schema: JobSchema },
      { name: CommandClaim.name, schema: CommandClaimSchema },
      { name: Chunk.name, schema: ChunkSchema },
    ]),
  ],
  controllers: [OrchestratorKafkaController, IntakeHttpController, JobsHttpController],
  providers: [{ provide: ENGINE_CONFIG, useFactory: () => loadEngineConfig() }, ...repositories, ...clients, ...services],
})
export class OrchestratorModule {}
