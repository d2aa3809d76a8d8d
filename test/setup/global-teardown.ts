import { MongoClient } from 'mongodb';
import { Component, deleteTopics, infraDown } from '@cohort/testing';

/** Removes this run's topics and databases, and stops only the infrastructure this run started. */
export default async function globalTeardown(): Promise<void> {
  const prefix = process.env.KAFKA_TOPIC_PREFIX;
  if (prefix && process.env.KAFKA_BROKERS) await deleteTopics(process.env.KAFKA_BROKERS, prefix).catch(() => undefined);
  const dbPrefix = process.env.MONGO_DB_PREFIX;
  if (dbPrefix?.startsWith('test_') && process.env.MONGO_URL) {
    const client = await MongoClient.connect(process.env.MONGO_URL);
    const { databases } = await client.db('admin').admin().listDatabases();
    for (const db of databases.filter((d) => d.name.startsWith(dbPrefix))) await client.db(db.name).dropDatabase();
    await client.close();
  }
  const g = globalThis as Record<string, unknown>;
  if (typeof g.__COHORT_CONTAINERS_STOP__ === 'function') await (g.__COHORT_CONTAINERS_STOP__ as () => Promise<void>)();
  else await infraDown(g.__COHORT_INFRA_STARTED__ as Component[]);
}
