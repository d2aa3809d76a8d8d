import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { CohortCoreModule } from '@cohort/common';
import { AccountLinksHttpController } from './accounts/account-links.http.controller';
import { ActionsHttpController } from './actions/actions.http.controller';
import { BearerAuthGuard } from './auth/bearer-auth.guard';
import { maskTokenLinks } from './auth/token-links';
import { CallerAccounts } from './auth/caller-accounts';
import { rateLimitOptions } from './auth/rate-limit';
import { OpenApiSetup } from './docs/openapi.setup';
import { GATEWAY_CONFIG, GatewayConfig, GatewayConfigModule } from './gateway.config';
import { HttpErrorFilter } from './http/http-error.filter';
import { ImportsHttpController } from './imports/imports.http.controller';
import { JobEventsConsumer } from './jobs/events/job-events.consumer';
import { JobEventsHttpController } from './jobs/events/job-events.http.controller';
import { JobEventsHub } from './jobs/events/job-events.hub';
import { JobEventsStream } from './jobs/events/job-events.stream';
import { JobsHttpController } from './jobs/jobs.http.controller';
import { JobResultsHttpController } from './jobs/results/job-results.http.controller';
import { NotificationsHttpController } from './notifications/notifications.http.controller';
import { PeopleHttpController } from './people/people.http.controller';
import { CommunicationsClient } from './upstream/communications.client';
import { IdentityClient } from './upstream/identity.client';
import { OrchestratorClient } from './upstream/orchestrator.client';
import { UpstreamClient } from './upstream/upstream.client';

const controllers = [
  PeopleHttpController,
  ActionsHttpController,
  JobsHttpController,
  JobResultsHttpController,
  JobEventsHttpController,
  ImportsHttpController,
  AccountLinksHttpController,
  NotificationsHttpController,
];
const upstreams = [UpstreamClient, IdentityClient, OrchestratorClient, CommunicationsClient];
const jobEvents = [JobEventsHub, JobEventsConsumer, JobEventsStream];
/** order matters: rate limit first (per token, also for bad tokens), then authentication */
const edge = [
  { provide: APP_GUARD, useClass: ThrottlerGuard },
  { provide: APP_GUARD, useClass: BearerAuthGuard },
  { provide: APP_FILTER, useClass: HttpErrorFilter },
];

/** The public HTTP API: authenticates callers and reads or commands the other services for them. */
@Module({
  imports: [
    CohortCoreModule.forRoot('gateway', { mongo: false, maskUrl: maskTokenLinks }),
    GatewayConfigModule,
    ThrottlerModule.forRootAsync({
      imports: [GatewayConfigModule],
      inject: [GATEWAY_CONFIG],
      useFactory: (config: GatewayConfig) => rateLimitOptions(config),
    }),
  ],
  controllers,
  providers: [...upstreams, ...jobEvents, CallerAccounts, ...edge, OpenApiSetup],
})
export class GatewayModule {}
