import { Db } from 'mongodb';

/** Stores a learning `learners` document for a person (empty lists, no op markers) with the given fields. */
export async function insertLearner(learning: Db, tenant: string, userId: string, fields: Record<string, unknown> = {}): Promise<void> {
  await learning.collection('learners').insertOne({
    _id: `${tenant}:${userId}`,
    tenantId: tenant,
    userId,
    enrolments: [],
    tasks: [],
    eventEnrolments: [],
    contentShares: [],
    ops: [],
    ...fields,
  } as never);
}
