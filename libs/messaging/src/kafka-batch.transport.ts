import { Logger } from '@nestjs/common';
import { BaseRpcContext, CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { Counter, Gauge } from 'prom-client';
import { dlqTopic } from '@cohort/contracts';
import { DeliveryFencedError, withDelivery } from './delivery-fence';
import { InvalidMessageError } from './errors';
import { HEADER } from './headers';
import { KafkaPublisher } from './kafka.publisher';

export interface KafkaBatchTransportOptions {
  kafka: Kafka;
  groupId: string;
  publisher: KafkaPublisher;
  /** partitions processed in parallel by this process */
  partitionsConsumedConcurrently?: number;
  /** which of the topics bound with @EventPattern this consumer takes (default: all) */
  topics?: (topic: string) => boolean;
  /** attempts for a message whose handler throws something other than InvalidMessageError */
  maxAttempts?: number;
  sessionTimeoutMs?: number;
  /**
   * how long the group waits, in a rebalance, for a member to finish the message in hand and rejoin: longer
   * than any one work chunk takes, so a busy member is never dropped (and its partition never worked by two
   * members at once); a member that died is dropped at its session timeout whatever this says
   */
  rebalanceTimeoutMs?: number;
}

/** What a handler gets as the second argument (`@Ctx()`). */
export class KafkaBatchContext extends BaseRpcContext<[string, KafkaMessage, number, () => Promise<void>]> {
  get topic(): string {
    return this.args[0];
  }
  get message(): KafkaMessage {
    return this.args[1];
  }
  get partition(): number {
    return this.args[2];
  }
  /** keeps the consumer's group membership alive during long work */
  heartbeat(): Promise<void> {
    return this.args[3]();
  }
  get headers(): IHeaders {
    return this.message.headers ?? {};
  }
}

const processed = new Counter({
  name: 'cohort_kafka_messages_total',
  help: 'Messages handled, by topic and result',
  labelNames: ['topic', 'result'],
});
const lag = new Gauge({
  name: 'cohort_kafka_consumer_lag',
  help: 'Messages behind the high watermark, by topic and partition',
  labelNames: ['topic', 'partition'],
});

/**
 * Nest microservice transport on kafkajs made for throughput and safety: batch consumption,
 * offsets committed only after a message is handled, heartbeats while a handler runs, retries with
 * backoff, and a dead-letter topic (error in headers) so a bad message never blocks its partition.
 * Handlers are bound with `@EventPattern(topicName)`.
 */
export class KafkaBatchTransport extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(KafkaBatchTransport.name);
  private consumer?: Consumer;
  /** set by close(): a failing message is then left for redelivery instead of being retried or dead-lettered */
  private closing = false;
  /**
   * the heartbeat error saying the group is rebalancing (or has dropped this member): no further message of
   * the batches in hand is started, so the consumer rejoins within one message's time instead of finishing
   * every fetched batch first (which outlasts the rebalance timeout, gets it dropped from the group and lets
   * the partition's next owner work the same messages at the same time); cleared when it has rejoined
   */
  private rejoinNeeded?: unknown;
  /** the heartbeat error saying the group has moved on without this member (a DROPPED_ERRORS type); cleared on rejoining */
  private dropped?: unknown;

  constructor(private readonly options: KafkaBatchTransportOptions) {
    super();
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      const topics = [...this.messageHandlers.keys()].filter(this.options.topics ?? (() => true));
      if (topics.length === 0) return callback();
      this.consumer = this.options.kafka.consumer({
        groupId: this.options.groupId,
        sessionTimeout: this.options.sessionTimeoutMs ?? 30000,
        heartbeatInterval: 3000,
        rebalanceTimeout: this.options.rebalanceTimeoutMs ?? 300000,
        allowAutoTopicCreation: false,
        maxBytesPerPartition: 4 << 20,
      });
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        this.rejoinNeeded = undefined;
        this.dropped = undefined;
      });
      await this.consumer.connect();
      await this.consumer.subscribe({ topics, fromBeginning: true });
      await this.consumer.run({
        autoCommit: true,
        autoCommitInterval: 1000,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachBatch: (payload) => this.handleBatch(payload),
      });
      callback();
    } catch (err) {
      callback(err);
    }
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> {
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) return;
      // kafkajs commits what was resolved and rejoins; the rest goes to the partition's owner after the rebalance
      if (this.rejoinNeeded) throw this.rejoinNeeded;
      const handled = await this.handleMessage(batch.topic, batch.partition, message, heartbeat);
      if (!handled) {
        if (this.rejoinNeeded) throw this.rejoinNeeded; // left uncommitted while retrying: the partition's next owner retries it
        return; // shutting down: not committed, so the next consumer gets it again
      }
      resolveOffset(message.offset);
      await heartbeat();
    }
    await commitOffsetsIfNecessary();
    lag.set({ topic: batch.topic, partition: String(batch.partition) }, Number(batch.offsetLag()));
  }

  private async handleMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<boolean> {
    const handler = this.getHandlerByPattern(topic);
    if (!handler) return true;
    const maxAttempts = this.options.maxAttempts ?? 6;
    for (let attempt = 1; ; attempt++) {
      const beat = setInterval(() => void heartbeat().catch((err: unknown) => this.noteHeartbeatError(err)), 2500);
      try {
        const payload = parse(message.value);
        const ctx = new KafkaBatchContext([topic, message, partition, heartbeat]);
        const delivery = { confirm: () => this.confirmOwnership(heartbeat) };
        await withDelivery(delivery, async () => lastValueFrom(this.transformToObservable(await handler(payload, ctx)), { defaultValue: undefined }));
        processed.inc({ topic, result: 'ok' });
        return true;
      } catch (err) {
        if (err instanceof DeliveryFencedError) {
          processed.inc({ topic, result: 'fenced' });
          this.log.warn({
            msg: 'dropped from the group with a message in hand: its write is left to the partition’s next owner',
            topic,
            partition,
            offset: message.offset,
          });
          return false; // not committed; rejoinNeeded holds the heartbeat error, so the batch throws and kafkajs rejoins
        }
        if (this.closing && !(err instanceof InvalidMessageError)) return false;
        if (err instanceof InvalidMessageError || attempt >= maxAttempts) {
          processed.inc({ topic, result: 'dlq' });
          await this.deadLetter(topic, partition, message, err);
          return true;
        }
        processed.inc({ topic, result: 'retry' });
        const delay = Math.min(30000, 250 * 2 ** attempt);
        this.log.warn({ msg: 'handler failed, retrying', topic, partition, offset: message.offset, attempt, delay, err: String(err) });
        const stop = () => this.closing || this.rejoinNeeded !== undefined;
        await sleepWithHeartbeat(delay, heartbeat, stop, (err) => this.noteHeartbeatError(err));
        if (stop()) return false;
      } finally {
        clearInterval(beat);
      }
    }
  }

  /**
   * Before a handler's write: a heartbeat (kafkajs sends one when its interval is due), then DeliveryFencedError
   * if the group has dropped this member (its generation is over, so the partition may be someone else's now).
   * A rebalance merely in progress is no reason to stop: the group waits for this member to rejoin.
   */
  private async confirmOwnership(heartbeat: () => Promise<void>): Promise<void> {
    await heartbeat().catch((err: unknown) => this.noteHeartbeatError(err));
    if (this.dropped) throw new DeliveryFencedError(`this consumer was dropped from group ${this.options.groupId}: ${String(this.dropped)}`);
  }

  /** A heartbeat during a handler failed: remember a rebalance (or this member being dropped) so the batch stops taking messages. */
  private noteHeartbeatError(err: unknown): void {
    const type = (err as { type?: string })?.type ?? '';
    if (REJOIN_ERRORS.has(type)) this.rejoinNeeded ??= err;
    if (DROPPED_ERRORS.has(type)) this.dropped ??= err;
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, err: unknown): Promise<void> {
    const reason = err instanceof Error ? err.message : String(err);
    this.log.error({ msg: 'message sent to the dead-letter topic', topic, partition, offset: message.offset, reason });
    await this.options.publisher.publishRaw(dlqTopic(topic), {
      key: message.key,
      value: message.value,
      headers: {
        ...message.headers,
        [HEADER.error]: reason.slice(0, 4000),
        [HEADER.errorCode]: err instanceof InvalidMessageError ? err.code : 'HANDLER.FAILED',
        [HEADER.originalTopic]: topic,
        [HEADER.originalPartition]: String(partition),
        [HEADER.originalOffset]: message.offset,
      },
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  on(): never {
    throw new Error('KafkaBatchTransport does not emit server events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }
}

function parse(value: Buffer | null): unknown {
  if (!value || value.length === 0) throw new InvalidMessageError('empty message body', 'MESSAGE.EMPTY');
  try {
    return JSON.parse(value.toString('utf8'));
  } catch (err) {
    throw new InvalidMessageError(`body is not JSON: ${(err as Error).message}`, 'MESSAGE.NOT_JSON');
  }
}

/** kafkajs error types of a heartbeat that mean "rejoin the group" (kafkajs' isRebalancing, and a member the coordinator dropped). */
const REJOIN_ERRORS = new Set(['REBALANCE_IN_PROGRESS', 'NOT_COORDINATOR_FOR_GROUP', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']);
/** the ones of them that mean the group has moved on without this member: its partitions may be another's now */
const DROPPED_ERRORS = new Set(['ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID']);

async function sleepWithHeartbeat(
  ms: number,
  heartbeat: () => Promise<void>,
  cancelled: () => boolean,
  onError: (err: unknown) => void,
): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !cancelled()) {
    await new Promise((r) => setTimeout(r, Math.min(250, until - Date.now())));
    await heartbeat().catch(onError);
  }
}
