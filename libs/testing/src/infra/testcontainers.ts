import { GenericContainer, StartedTestContainer, Wait } from 'testcontainers';
import { KafkaContainer } from '@testcontainers/kafka';
import { MongoDBContainer } from '@testcontainers/mongodb';
import { createTopics } from './kafka';
import { Infra } from './infra';

/**
 * Where a Docker engine exists and COHORT_INFRA=testcontainers: Kafka (KRaft), MongoDB (replica set)
 * and MailDev in containers instead of the local processes. Not usable on machines without Docker.
 */
export async function containersUp(): Promise<{ infra: Infra; stop: () => Promise<void> }> {
  const [kafka, mongo, smtp] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new MongoDBContainer('mongo:7').start(),
    new GenericContainer('maildev/maildev:2.2.1').withExposedPorts(1025, 1080).withWaitStrategy(Wait.forListeningPorts()).start(),
  ]);
  const containers: StartedTestContainer[] = [kafka, mongo, smtp];
  const brokers = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  await createTopics(brokers);
  return {
    infra: {
      env: {
        KAFKA_BROKERS: brokers,
        MONGO_URL: `${mongo.getConnectionString()}/?directConnection=true`,
        SMTP_URL: `smtp://${smtp.getHost()}:${smtp.getMappedPort(1025)}`,
        SMTP_WEB_URL: `http://${smtp.getHost()}:${smtp.getMappedPort(1080)}`,
      },
      started: [],
    },
    stop: async () => {
      await Promise.all(containers.map((c) => c.stop()));
    },
  };
}
