import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MongooseModule } from '@nestjs/mongoose';
import { CohortCoreModule } from '@cohort/common';
import { WorkResultsPublisher } from '@cohort/messaging';
import { DecideHttpController } from './actions/decide/decide.http.controller';
import { DecideHandler } from './actions/decide/decide.query';
import { WORK_ACTION_HANDLERS } from './actions/work-actions';
import { ExportArtifactHttpController } from './exports/export-artifact.http.controller';
import { ExportsRepository } from './exports/exports.repository';
import { MembershipGroupsClient } from './exports/membership-groups.client';
import { IdentityKafkaController } from './identity.kafka.controller';
import { ImportsHttpController } from './imports/imports.http.controller';
import { StageImportHandler } from './imports/stage-import.handler';
import { StagedInvitee, StagedInviteeSchema } from './imports/staged-invitee.schema';
import { StagedInviteesRepository } from './imports/staged-invitees.repository';
import { IdentityEventsPublisher } from './events/identity-events.publisher';
import { AcceptInvitationHandler } from './invitations/accept-invitation.handler';
import { TokenUsesRepository } from './tokens/token-uses.repository';
import { CompletePasswordResetHandler } from './invitations/complete-password-reset.handler';
import { InvitationsHttpController } from './invitations/invitations.http.controller';
import { DirectoryHttpController } from './people/directory/directory.http.controller';
import { DirectoryHandler } from './people/directory/directory.query';
import { GetPersonHttpController } from './people/get-person/get-person.http.controller';
import { ApplyPersonFactsHandler } from './people/facts/apply-person-facts.handler';
import { PersonFactsKafkaController } from './people/facts/person-facts.kafka.controller';
import { GetPersonHandler, LookupPeopleHandler } from './people/get-person/get-person.query';
import { PeopleRepository } from './people/people.repository';
import { Person, PersonSchema } from './people/person.schema';
import { SelectionHttpController } from './people/selection/selection.http.controller';
import { DigestSelectionHandler, StreamSelectionHandler } from './people/selection/selection.query';
import { Tenant, TenantSchema } from './tenants/tenant.schema';
import { TenantsRepository } from './tenants/tenants.repository';

const controllers = [
  IdentityKafkaController,
  PersonFactsKafkaController,
  GetPersonHttpController,
  DirectoryHttpController,
  SelectionHttpController,
  DecideHttpController,
  InvitationsHttpController,
  ImportsHttpController,
  ExportArtifactHttpController,
];
const queryHandlers = [GetPersonHandler, LookupPeopleHandler, DirectoryHandler, StreamSelectionHandler, DigestSelectionHandler, DecideHandler];
const repositories = [PeopleRepository, TenantsRepository, StagedInviteesRepository, TokenUsesRepository, ExportsRepository];

@Module({
  imports: [
    CohortCoreModule.forRoot('identity'),
    CqrsModule.forRoot(),
    MongooseModule.forFeature([
      { name: Person.name, schema: PersonSchema },
      { name: Tenant.name, schema: TenantSchema },
      { name: StagedInvitee.name, schema: StagedInviteeSchema },
    ]),
  ],
  controllers,
  providers: [
    ...WORK_ACTION_HANDLERS,
    AcceptInvitationHandler,
    ApplyPersonFactsHandler,
    IdentityEventsPublisher,
    CompletePasswordResetHandler,
    StageImportHandler,
    ...queryHandlers,
    ...repositories,
    WorkResultsPublisher,
    MembershipGroupsClient,
  ],
})
export class IdentityModule {}
