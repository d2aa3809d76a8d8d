import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MongooseModule } from '@nestjs/mongoose';
import { CohortCoreModule } from '@cohort/common';
import { WorkResultsPublisher } from '@cohort/messaging';
import { IdentityKafkaController } from './identity.kafka.controller';
import { PeopleRepository } from './people/people.repository';
import { Person, PersonSchema } from './people/person.schema';
import { ChangeLanguageHandler } from './actions/change-language/change-language.handler';

const handlers = [ChangeLanguageHandler];
const repositories = [PeopleRepository];

@Module({
  imports: [
    CohortCoreModule.forRoot('identity'),
    CqrsModule.forRoot(),
    MongooseModule.forFeature([{ name: Person.name, schema: PersonSchema }]),
  ],
  controllers: [IdentityKafkaController],
  providers: [...handlers, ...repositories, WorkResultsPublisher],
})
export class IdentityModule {}
