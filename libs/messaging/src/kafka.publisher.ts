import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, IHeaders, Kafka, Partitioners, Producer } from 'kafkajs';
import { HEADER } from './headers';

export interface OutgoingMessage {
  key: string;
  value: unknown;
  headers?: IHeaders;
  correlationId?: string;
  tenantId?: string;
}

/** Largest number of messages in one produce request; bigger batches are split. */
const SEND_BATCH = 500;

/**
 * The one producer of a process: idempotent (no duplicates from producer retries), acks from all
 * in-sync replicas, JSON bodies, correlation id and tenant in headers.
 */
@Injectable()
export class KafkaPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaPublisher.name);
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      // an idempotent producer keeps retrying (with backoff) rather than give up and lose a message
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10000 },
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  private connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((err: unknown) => {
      this.connected = undefined;
      throw err;
    });
    return this.connected;
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connect();
    for (let i = 0; i < messages.length; i += SEND_BATCH) {
      await this.producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: messages.slice(i, i + SEND_BATCH).map((m) => ({
          key: m.key,
          value: JSON.stringify(m.value),
          headers: {
            ...m.headers,
            ...(m.correlationId ? { [HEADER.correlationId]: m.correlationId } : {}),
            ...(m.tenantId ? { [HEADER.tenantId]: m.tenantId } : {}),
          },
        })),
      });
    }
  }

  /** Raw bytes (for the DLQ: the message is kept exactly as it arrived). */
  async publishRaw(topic: string, message: { key: Buffer | string | null; value: Buffer | string | null; headers: IHeaders }): Promise<void> {
    await this.connect();
    await this.producer.send({ topic, acks: -1, messages: [message] });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connected) await this.producer.disconnect().catch((err: unknown) => this.logger.warn(`producer disconnect: ${String(err)}`));
  }
}
