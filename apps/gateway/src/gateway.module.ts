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
import { JobArtifactHttpController } from './artifacts/job-artifact.http.controller';
import { CertificatesHttpController } from './certificates/certificates.http.controller';
import { ConsoleModule } from './console/console.module';
import { CoursesHttpController } from './courses/courses.http.controller';
import { GroupsHttpController } from './groups/groups.http.controller';
import { ImportsHttpController } from './imports/imports.http.controller';
import { JobEventsConsumer } from './jobs/events/job-events.consumer';
import { JobEventsHttpController } from './jobs/events/job-events.http.controller';
import { JobEventsHub } from './jobs/events/job-events.hub';
import { JobEventsStream } from './jobs/events/job-events.stream';
import { JobsHttpController } from './jobs/jobs.http.controller';
import { PeopleNames } from './jobs/names/with-names';
import { JobResultsHttpController } from './jobs/results/job-results.http.controller';
import { NotificationsHttpController } from './notifications/notifications.http.controller';
import { DirectoryScope } from './people/directory-scope';
import { PeopleHttpController } from './people/people.http.controller';
import { PersonProfiles } from './people/person-profile';
import { CommunicationsClient } from './upstream/communications.client';
import { IdentityClient } from './upstream/identity.client';
import { LearningClient } from './upstream/learning.client';
import { MembershipClient } from './upstream/membership.client';
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
  GroupsHttpController,
  CoursesHttpController,
  JobArtifactHttpController,
  CertificatesHttpController,
];
const upstreams = [UpstreamClient, IdentityClient, OrchestratorClient, MembershipClient, LearningClient, CommunicationsClient];
const readers = [DirectoryScope, PersonProfiles];
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
    ConsoleModule,
  ],
  controllers,
  providers: [...upstreams, ...readers, ...jobEvents, CallerAccounts, PeopleNames, ...edge, OpenApiSetup],
})
export class GatewayModule {}
