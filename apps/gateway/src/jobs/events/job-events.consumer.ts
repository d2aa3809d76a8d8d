import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Consumer, ConsumerCrashEvent, Kafka, logLevel, LogEntry } from 'kafkajs';
import { SERVICE_CONFIG, ServiceConfig } from '@cohort/common';
import { JobEvent, topicsFor } from '@cohort/contracts';
import { JobEventsHub } from './job-events.hub';

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * The one Kafka consumer of `cohort.batch.events.v1` in this gateway process. It has a group of
 * its own (every gateway replica sees every event), starts at the newest offset, commits nothing,
 * and hands each event to the hub. It connects in the background: a missing broker never blocks or
 * crashes the gateway, it is retried with backoff (SSE streams then get snapshots only).
 */
@Injectable()
export class JobEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobEventsConsumer.name);
  private readonly kafka: Kafka;
  private readonly topic: string;
  private consumer?: Consumer;
  private attempt?: Promise<void>;
  private retryTimer?: NodeJS.Timeout;
  private failures = 0;
  private stopped = false;
  private joined = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly hub: JobEventsHub,
  ) {
    this.kafka = eventsKafka(config);
    this.topic = topicsFor(config.kafka.topicPrefix).events;
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  /** Starts following the topic unless it already does or is trying to. */
  start(): void {
    if (this.stopped || this.attempt || this.consumer) return;
    this.attempt = this.connect().finally(() => (this.attempt = undefined));
  }

  /** Connected and in its group: events published from now on reach the hub. */
  get running(): boolean {
    return this.joined && this.consumer !== undefined;
  }

  private async connect(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: `${this.config.kafka.groupId}.${randomUUID()}`,
      allowAutoTopicCreation: false,
      retry: { initialRetryTime: 300, retries: 8, maxRetryTime: MAX_RETRY_DELAY_MS },
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [this.topic], fromBeginning: false });
      this.consumer = consumer;
      consumer.on(consumer.events.CRASH, (event) => this.onCrash(consumer, event));
      await consumer.run({ autoCommit: false, eachMessage: async ({ message }) => this.deliver(message.value) });
      if (this.consumer !== consumer) return; // crashed while joining: onCrash retries
      this.joined = true;
      this.failures = 0;
      this.logger.log({ msg: 'following job events', topic: this.topic });
    } catch (err) {
      if (this.consumer === consumer) this.consumer = undefined;
      await consumer.disconnect().catch(() => undefined);
      this.retryLater(err);
    }
  }

  private deliver(value: Buffer | null): void {
    let body: unknown;
    try {
      body = JSON.parse(value?.toString() ?? '');
    } catch {
      return;
    }
    const event = JobEvent.safeParse(body);
    if (event.success) this.hub.publish(event.data);
    else this.logger.debug({ msg: 'ignored a job event that fails its schema', issue: event.error.issues[0]?.message });
  }

  private onCrash(consumer: Consumer, { payload }: ConsumerCrashEvent): void {
    if (payload.restart || this.consumer !== consumer) return; // kafkajs restarts it itself
    this.consumer = undefined;
    this.joined = false;
    void consumer.disconnect().catch(() => undefined);
    this.retryLater(payload.error);
  }

  private retryLater(err: unknown): void {
    if (this.stopped) return;
    this.failures += 1;
    const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** (this.failures - 1));
    const reason = err instanceof Error ? err.message : String(err);
    this.logger.warn({ msg: 'not following job events: SSE streams get snapshots only until it does', topic: this.topic, reason, retryInMs: delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.start();
    }, delay);
    this.retryTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.attempt;
    await this.consumer?.disconnect().catch((err: unknown) => this.logger.warn({ msg: 'job events consumer disconnect failed', err: String(err) }));
    this.consumer = undefined;
  }
}

/** A client of its own that gives up a connection attempt within seconds (the consumer retries on its own schedule). */
function eventsKafka(config: ServiceConfig): Kafka {
  const logger = new Logger('kafkajs');
  return new Kafka({
    clientId: `${config.kafka.clientId}-events`,
    brokers: config.kafka.brokers,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 300, retries: 2, maxRetryTime: 3000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ log }: LogEntry) => {
        const { message, ...extra } = log;
        logger.debug({ msg: message, ...extra });
      },
  });
}
