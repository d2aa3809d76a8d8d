import { ServiceName, TOPICS, workTopic } from '@cohort/contracts';
import { Consumer, Kafka, KafkaMessage, logLevel, Partitioners, Producer } from 'kafkajs';

/** A plain kafkajs client, as another internal service (or a test) would use it. */
export function plainKafka(clientId = 'cohort-test'): Kafka {
  return new Kafka({ clientId, brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','), logLevel: logLevel.NOTHING });
}

export async function plainProducer(kafka = plainKafka()): Promise<Producer> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  return producer;
}

/** Both lanes of a service's work (bulk and express): small jobs travel on the express one. */
export function workLanes(service: ServiceName): string[] {
  return [workTopic(service, TOPICS, 'bulk'), workTopic(service, TOPICS, 'express')];
}

/**
 * Records every message of some topics from the moment it is ready (a fresh consumer group reading
 * from the beginning of topics this test run created), so tests can wait for what they expect.
 */
export class TopicRecorder {
  readonly messages: { topic: string; message: KafkaMessage; body: unknown }[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly topics: string[],
    private readonly kafka = plainKafka(),
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `probe-${Math.random().toString(36).slice(2)}`, allowAutoTopicCreation: false });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        let body: unknown = message.value?.toString();
        try {
          body = JSON.parse(String(body));
        } catch {
          /* keep the raw text */
        }
        this.messages.push({ topic, message, body });
      },
    });
    return this;
  }

  /** Waits until `count` messages of `topic` (or of any of several topics) satisfy `match`, and returns them. */
  async waitFor<T = unknown>(topic: string | string[], match: (body: T) => boolean, count = 1, timeoutMs = 30000): Promise<T[]> {
    const deadline = Date.now() + timeoutMs;
    const topics = Array.isArray(topic) ? topic : [topic];
    for (;;) {
      const found = this.messages.filter((m) => topics.includes(m.topic) && match(m.body as T)).map((m) => m.body as T);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} message(s) on ${topic}; saw ${found.length}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
