import { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { KafkaBatchTransport } from './kafka-batch.transport';
import { KafkaPublisher } from './kafka.publisher';

/** A kafkajs consumer stand-in: captures eachBatch and the GROUP_JOIN listener. */
function fakeKafka() {
  const captured: { eachBatch?: (p: EachBatchPayload) => Promise<void>; onJoin?: () => void } = {};
  const consumer = {
    events: { GROUP_JOIN: 'consumer.group_join' },
    on: (event: string, listener: () => void) => {
      if (event === 'consumer.group_join') captured.onJoin = listener;
    },
    connect: async () => undefined,
    subscribe: async () => undefined,
    run: async ({ eachBatch }: { eachBatch: (p: EachBatchPayload) => Promise<void> }) => {
      captured.eachBatch = eachBatch;
    },
    disconnect: async () => undefined,
  };
  return { kafka: { consumer: () => consumer } as unknown as Kafka, captured };
}

const message = (offset: number): KafkaMessage => ({ offset: String(offset), key: null, value: Buffer.from('{}'), timestamp: '0', attributes: 0, headers: {} });

function batchPayload(offsets: number[], heartbeat: () => Promise<void>) {
  const resolved: string[] = [];
  const payload = {
    batch: { topic: 'work', partition: 0, messages: offsets.map(message), offsetLag: () => '0' },
    resolveOffset: (o: string) => resolved.push(o),
    heartbeat,
    isRunning: () => true,
    isStale: () => false,
    commitOffsetsIfNecessary: async () => undefined,
  } as unknown as EachBatchPayload;
  return { payload, resolved };
}

const rebalancing = Object.assign(new Error('The group is rebalancing, so a rejoin is needed'), { type: 'REBALANCE_IN_PROGRESS' });

describe('KafkaBatchTransport during a rebalance', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function started() {
    const { kafka, captured } = fakeKafka();
    const transport = new KafkaBatchTransport({ kafka, groupId: 'g', publisher: {} as KafkaPublisher });
    const handled: string[] = [];
    let finish: (() => void) | undefined;
    transport.addHandler(
      'work',
      async (_payload: unknown, ctx: { message: KafkaMessage }) => {
        handled.push(ctx.message.offset);
        if (ctx.message.offset === '1') await new Promise<void>((r) => (finish = r)); // a long chunk
      },
      true,
    );
    await new Promise<void>((resolve, reject) => void transport.listen((err?: unknown) => (err ? reject(err) : resolve())));
    return { captured, handled, finishLongChunk: () => finish?.() };
  }

  it('finishes the message in hand, then stops taking the batch’s messages and throws so kafkajs rejoins at once', async () => {
    const { captured, handled, finishLongChunk } = await started();
    // kafkajs sends a heartbeat at most every 3 s: the one during the long chunk learns of the rebalance, the one after it sends nothing
    let calls = 0;
    const heartbeat = jest.fn(async () => {
      if (++calls === 1) throw rebalancing;
    });
    const { payload, resolved } = batchPayload([1, 2, 3], heartbeat);
    const run = captured.eachBatch!(payload);
    const outcome = run.then(
      () => 'returned',
      (err: unknown) => err,
    );
    await jest.advanceTimersByTimeAsync(2600); // the handler's heartbeat fires during the long chunk
    finishLongChunk();
    await jest.advanceTimersByTimeAsync(0);
    expect(await outcome).toBe(rebalancing);
    expect(handled).toEqual(['1']); // 2 and 3 are left for whoever owns the partition after the rebalance
    expect(resolved).toEqual(['1']); // the finished one is committed by kafkajs before it rejoins
  });

  it('takes messages again once it has rejoined the group', async () => {
    const { captured, handled, finishLongChunk } = await started();
    let calls = 0;
    const first = batchPayload([1, 2], async () => {
      if (++calls === 1) throw rebalancing;
    });
    const run = captured.eachBatch!(first.payload).catch(() => undefined);
    await jest.advanceTimersByTimeAsync(2600);
    finishLongChunk();
    await run;
    captured.onJoin!();
    const again = batchPayload([2, 3], async () => undefined);
    await captured.eachBatch!(again.payload);
    expect(handled).toEqual(['1', '2', '3']);
    expect(again.resolved).toEqual(['2', '3']);
  });
});
