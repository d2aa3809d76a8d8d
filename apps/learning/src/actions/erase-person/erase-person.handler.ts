import { ICommandHandler, CommandHandler } from '@nestjs/cqrs';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { ErasePerson, erasePersonHandler, storeFailure } from '@cohort/common';
import { Outcome, WorkChunk } from '@cohort/contracts';
import { CertificateFilesStore } from '../../certificates/certificate-files.store';
import { CertificatesRepository } from '../../certificates/certificates.repository';
import { LEARNING_PERSON_DATA } from '../../learning.person-data';

/** `erase-person` in learning: the delete saga's step; a dry run decides (everyone can be erased) and deletes nothing. */
export class EraseLearningPerson {
  constructor(
    readonly work: WorkChunk,
    readonly dryRun = false,
  ) {}
}

/**
 * Erases everything learning holds about the chunk's people: the generic erasure of LEARNING_PERSON_DATA
 * (their `learners` document and certificate records), plus what a document delete cannot reach: the PDFs
 * in GridFS and the rows download jobs recorded about them. Files go first, records last, so a failure half
 * way is retried and finds the rest; every delete is idempotent. A store failure is retryable for everyone.
 */
@CommandHandler(EraseLearningPerson)
export class EraseLearningPersonHandler implements ICommandHandler<EraseLearningPerson, Outcome[]> {
  private readonly documents: ICommandHandler<ErasePerson, Outcome[]>;

  constructor(
    @InjectConnection() connection: Connection,
    private readonly files: CertificateFilesStore,
    private readonly certificates: CertificatesRepository,
  ) {
    const Documents = erasePersonHandler('learning', LEARNING_PERSON_DATA);
    this.documents = new Documents(connection);
  }

  async execute({ work, dryRun }: EraseLearningPerson): Promise<Outcome[]> {
    if (dryRun) return work.userIds.map((userId) => ({ userId, status: 'succeeded' }));
    try {
      await this.files.removeOfPeople(work.tenantId, work.userIds);
      await this.certificates.removeArtifactsOfPeople(work.tenantId, work.userIds);
    } catch (err) {
      return storeFailure('learning', work, err);
    }
    return this.documents.execute(new ErasePerson(work));
  }
}
