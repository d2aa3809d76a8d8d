import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { PersonDocuments, PersonUpdate } from '@cohort/common';
import { blankLearner, LearnerDoc } from './learner';

/** One person's write of one (job, step) to their learners document, with its op marker. */
export type LearnerUpdate = PersonUpdate<LearnerDoc>;

/**
 * The only place that touches `learners`: point reads by `_id` and single-document writes applied at
 * most once per (job, step) (see PersonDocuments). Writes replace a list computed from the read (`$set`)
 * or append to it (`$push`): FerretDB 1.x silently ignores `$pull` with a condition, so nothing relies on it.
 */
@Injectable()
export class LearnersRepository {
  private readonly docs: PersonDocuments<LearnerDoc>;

  constructor(@InjectConnection() connection: Connection) {
    this.docs = new PersonDocuments<LearnerDoc>(connection.collection<LearnerDoc>('learners'), blankLearner);
  }

  findOne(tenantId: string, userId: string): Promise<LearnerDoc | undefined> {
    return this.docs.findOne(tenantId, userId);
  }

  findMany(tenantId: string, userIds: readonly string[]): Promise<Map<string, LearnerDoc>> {
    return this.docs.findMany(tenantId, userIds);
  }

  /** Applies each update unless its op marker is on the document already (creating missing documents first). */
  apply(tenantId: string, updates: readonly LearnerUpdate[]): Promise<void> {
    return this.docs.applyOnce(tenantId, updates);
  }
}
