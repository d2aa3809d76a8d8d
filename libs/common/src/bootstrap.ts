import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { Kafka } from 'kafkajs';
import { isExpressTopic } from '@cohort/contracts';
import { KafkaBatchTransport, KafkaPublisher } from '@cohort/messaging';
import { SERVICE_CONFIG, ServiceConfig } from './config';

export interface ServiceAppOptions {
  /** consume the Kafka topics bound with @EventPattern in this app's controllers */
  consume?: boolean;
  /** listen on this port instead of the configured one (tests pass 0) */
  port?: number;
  partitionsConsumedConcurrently?: number;
}

/** Creates, wires and starts one service: HTTP API plus the Kafka transport, JSON logs, graceful shutdown. */
export async function createServiceApp(module: Type<unknown>, options: ServiceAppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  // selections carry up to 10,000 ids (about 110 kB of JSON): above Express's 100 kB default
  app.useBodyParser('json', { limit: '4mb' });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get<ServiceConfig>(SERVICE_CONFIG);
  if (options.consume ?? true) {
    const transport = (groupId: string, topics: (topic: string) => boolean) =>
      new KafkaBatchTransport({
        kafka: app.get(Kafka),
        groupId,
        sessionTimeoutMs: config.kafka.sessionTimeoutMs,
        rebalanceTimeoutMs: config.kafka.rebalanceTimeoutMs,
        publisher: app.get(KafkaPublisher),
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
        topics,
      });
    app.connectMicroservice({ strategy: transport(config.kafka.groupId, (topic) => !isExpressTopic(topic)) });
    // the express lanes of the work topics in a consumer group of their own: small jobs never queue behind bulk chunks
    app.connectMicroservice({ strategy: transport(`${config.kafka.groupId}.express`, isExpressTopic) });
    // start-up hooks (e.g. the orchestrator resuming its jobs) run before the first message is consumed
    await app.init();
    // the HTTP API answers before the consumers have joined their groups: after a crash, joining waits for the
    // dead member's session to time out (KAFKA_SESSION_TIMEOUT_MS), and other services' calls (people look-ups) must not wait too
    await app.listen(options.port ?? config.port, config.host);
    await app.startAllMicroservices();
    return app;
  }
  await app.listen(options.port ?? config.port, config.host);
  return app;
}

/** `main.ts` of every service. */
export function runService(module: Type<unknown>, options: ServiceAppOptions = {}): void {
  createServiceApp(module, options).catch((err: unknown) => {
    process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: 'service failed to start', err: String((err as Error)?.stack ?? err) })}\n`);
    process.exit(1);
  });
}
