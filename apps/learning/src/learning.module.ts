import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CohortCoreModule, decideController, IdentityLookupClient } from '@cohort/common';
import { PersonFactsPublisher, workController, WorkResultsPublisher } from '@cohort/messaging';
import { LearnerActionRunner } from './actions/learner-action.runner';
import { LearnerFacts } from './learners/learner-facts';
import { LEARNING_WORK } from './actions/work-actions';
import { CatalogueRepository } from './catalogue/catalogue.repository';
import { CERTIFICATE_PROVIDERS } from './certificates/certificate.providers';
import { CertificatesHttpController } from './certificates/certificates.http.controller';
import { LearnersRepository } from './learners/learners.repository';
import { LearningHttpController } from './person-learning/learning.http.controller';
import { PersonLearningReader } from './person-learning/person-learning.reader';

/** learning's stores and readers and what every enrolment, task and content action shares. */
const LEARNING_PROVIDERS = [
  LearnersRepository,
  CatalogueRepository,
  LearnerActionRunner,
  LearnerFacts,
  PersonFactsPublisher,
  PersonLearningReader,
];

@Module({
  imports: [CohortCoreModule.forRoot('learning', { mongo: true }), CqrsModule.forRoot()],
  controllers: [
    workController('learning', LEARNING_WORK.commandFor),
    decideController('learning', LEARNING_WORK.commandFor),
    LearningHttpController,
    CertificatesHttpController,
  ],
  providers: [...LEARNING_WORK.handlers, WorkResultsPublisher, IdentityLookupClient, ...LEARNING_PROVIDERS, ...CERTIFICATE_PROVIDERS],
})
export class LearningModule {}
