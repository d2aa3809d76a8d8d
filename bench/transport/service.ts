/**
 * The service process of one bench case (forked by transport.bench.ts, never run by hand): a
 * minimal Nest microservice with one `@EventPattern` handler that validates a work chunk, waits
 * `workMs` (simulated I/O) and publishes one small result. Only the consume side differs between
 * the two cases: KafkaBatchTransport, or @nestjs/microservices' Transport.KAFKA (ServerKafka).
 */
import 'reflect-metadata';
import { Controller, Inject, INestMicroservice, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, KafkaOptions, Payload, Transport } from '@nestjs/microservices';
import { Consumer, logLevel, Partitioners, Producer } from 'kafkajs';
import { WorkChunk } from '@cohort/contracts';
import { createKafka, KafkaBatchTransport, KafkaController, KafkaPublisher, parseMessage } from '@cohort/messaging';
import { BenchCase, ChildMessage, ChildStats, KafkaActivity, ParentMessage } from './shared';

const SINK = Symbol('bench result sink');

/** Publishes one result; the same implementation is used with either transport. */
interface ResultSink {
  connect(): Promise<void>;
  send(topic: string, key: string, value: unknown): Promise<void>;
  disconnect(): Promise<void>;
}

/** The production publisher (idempotent, acks=all, one request in flight), as services use it. */
function publisherSink(publisher: KafkaPublisher): ResultSink {
  return {
    // KafkaPublisher connects lazily on first publish; connect it before the clock starts
    connect: () => publisher['connect'](),
    send: (topic, key, value) => publisher.publish(topic, [{ key, value }]),
    disconnect: () => publisher.onApplicationShutdown(),
  };
}

/** A plain kafkajs producer (not idempotent, acks=all, kafkajs defaults otherwise). */
function plainSink(producer: Producer): ResultSink {
  return {
    connect: () => producer.connect(),
    send: async (topic, key, value) => {
      await producer.send({ topic, acks: -1, messages: [{ key, value: JSON.stringify(value) }] });
    },
    disconnect: () => producer.disconnect(),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let handled = 0;

/** The module of the bench service; the controller is made here because its topic is only known at run time. */
function benchModule(c: BenchCase, sink: ResultSink): Type<unknown> {
  // ours as services declare it (errors reach the transport as thrown); the built-in one as its docs show
  const ControllerDecorator = c.transport === 'ours' ? KafkaController() : Controller();

  @ControllerDecorator
  class BenchController {
    constructor(@Inject(SINK) private readonly results: ResultSink) {}

    @EventPattern(c.inputTopic)
    async handle(@Payload() body: unknown): Promise<void> {
      const work = parseMessage(WorkChunk, body);
      if (c.workMs > 0) await sleep(c.workMs);
      await this.results.send(c.resultsTopic, `${work.jobId}:${work.chunk}`, {
        jobId: work.jobId,
        step: work.step,
        chunk: work.chunk,
        attempt: work.attempt,
        service: 'bench',
        succeeded: work.userIds.length,
      });
      handled++;
    }
  }

  @Module({ controllers: [BenchController], providers: [{ provide: SINK, useValue: sink }] })
  class BenchModule {}

  return BenchModule;
}

/**
 * Kafka requests (by API) and fetched batches from here on: what each transport asks of the broker.
 * The consumer's group join happened during listen() and is not counted.
 */
function watchActivity(consumer: Consumer, producer: Producer | undefined): KafkaActivity {
  const activity: KafkaActivity = { batches: 0, batchMessages: 0, consumerRequests: {}, producerRequests: {} };
  const count = (into: KafkaActivity['consumerRequests'], apiName: string, duration: number) => {
    const r = (into[apiName] ??= { count: 0, totalMs: 0 });
    r.count++;
    r.totalMs += duration;
  };
  consumer.on(consumer.events.START_BATCH_PROCESS, ({ payload }) => {
    activity.batches++;
    activity.batchMessages += payload.batchSize;
  });
  consumer.on(consumer.events.REQUEST, ({ payload }) => count(activity.consumerRequests, payload.apiName, payload.duration));
  producer?.on(producer.events.REQUEST, ({ payload }) => count(activity.producerRequests, payload.apiName, payload.duration));
  return activity;
}

function send(msg: ChildMessage): void {
  process.send?.(msg);
}

async function main(): Promise<void> {
  const c = JSON.parse(process.env.BENCH_CASE ?? 'null') as BenchCase | null;
  if (!c || !process.send) throw new Error('service.ts is started by transport.bench.ts');

  const publisher = new KafkaPublisher(createKafka(`${c.clientId}-publisher`, c.brokers));
  const sink =
    c.producer === 'publisher'
      ? publisherSink(publisher)
      : plainSink(
          createKafka(`${c.clientId}-producer`, c.brokers).producer({
            allowAutoTopicCreation: false,
            createPartitioner: Partitioners.DefaultPartitioner,
          }),
        );
  const module = benchModule(c, sink);
  const logger: ('error' | 'warn')[] = ['error', 'warn'];

  let app: INestMicroservice;
  let consumerOf: () => Consumer;
  if (c.transport === 'ours') {
    const strategy = new KafkaBatchTransport({
      kafka: createKafka(c.clientId, c.brokers),
      groupId: c.groupId,
      publisher,
      partitionsConsumedConcurrently: c.partitionsConsumedConcurrently,
    });
    app = await NestFactory.createMicroservice(module, { logger, strategy });
    consumerOf = () => strategy.unwrap<Consumer>();
  } else {
    // The same client and consumer settings as createKafka + KafkaBatchTransport use, so that only
    // the way messages are handed to the handler differs. ServerKafka appends '-server' to both ids.
    const options: KafkaOptions['options'] = {
      client: {
        clientId: c.clientId,
        brokers: c.brokers,
        connectionTimeout: 5000,
        requestTimeout: 30000,
        retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 30000 },
        logLevel: logLevel.WARN,
      },
      consumer: {
        groupId: c.groupId,
        sessionTimeout: 30000,
        heartbeatInterval: 3000,
        allowAutoTopicCreation: false,
        maxBytesPerPartition: 4 << 20,
      },
      subscribe: { fromBeginning: true },
      run: { autoCommit: true, autoCommitInterval: 1000, partitionsConsumedConcurrently: c.partitionsConsumedConcurrently },
      // ServerKafka always connects a producer of its own (for request/response replies; unused by events)
      producer: { allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner },
    };
    app = await NestFactory.createMicroservice<KafkaOptions>(module, { logger, transport: Transport.KAFKA, options });
    consumerOf = () => app.unwrap<[unknown, Consumer, unknown]>()[1];
  }
  await sink.connect();
  await app.init();

  const rssBeforeStartBytes = process.memoryUsage.rss();
  let sampledPeakRssBytes = rssBeforeStartBytes;
  send({ type: 'initialised', t: Date.now(), rssBytes: rssBeforeStartBytes });
  await new Promise<void>((resolve) => process.once('message', (m: ParentMessage) => m.type === 'start' && resolve()));

  const sampler = setInterval(() => {
    sampledPeakRssBytes = Math.max(sampledPeakRssBytes, process.memoryUsage.rss());
  }, 100);
  const cpu0 = process.cpuUsage();
  send({ type: 'starting', t: Date.now() });
  await app.listen();
  send({ type: 'listening', t: Date.now() });
  const activity = watchActivity(consumerOf(), c.producer === 'publisher' ? publisher['producer'] : undefined);

  await new Promise<void>((resolve) => process.once('message', (m: ParentMessage) => m.type === 'stop' && resolve()));
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  const mem = process.memoryUsage();
  const stats: ChildStats = {
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    rssBeforeStartBytes,
    sampledPeakRssBytes: Math.max(sampledPeakRssBytes, mem.rss),
    rssAtStopBytes: mem.rss,
    heapUsedAtStopBytes: mem.heapUsed,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    handled,
    activity,
  };
  send({ type: 'stats', stats });
  await app.close();
  await sink.disconnect().catch(() => undefined);
  process.disconnect();
}

main().catch((err: unknown) => {
  send({ type: 'error', error: String((err as Error)?.stack ?? err) });
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 100);
});
