import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { PersonLearning } from '@cohort/contracts';
import { LearnersRepository } from '../learners/learners.repository';
import { CertificateRecord, personLearningView } from './person-learning.view';

/**
 * One person's learning for the person page: their learners document (a point read) and their
 * certificates. `certificates` belongs to assign-certificate; this only reads it, by tenant and person.
 */
@Injectable()
export class PersonLearningReader {
  constructor(
    private readonly learners: LearnersRepository,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async read(tenantId: string, userId: string): Promise<PersonLearning> {
    const [learner, certificates] = await Promise.all([
      this.learners.findOne(tenantId, userId),
      this.connection.collection<CertificateRecord & { tenantId: string; userId: string }>('certificates').find({ tenantId, userId }).toArray(),
    ]);
    return personLearningView(learner, certificates);
  }
}
