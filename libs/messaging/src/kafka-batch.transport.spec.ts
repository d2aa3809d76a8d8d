import { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { confirmDelivery } from './delivery-fence';
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

const message = (offset: number): KafkaMessage => ({
  offset: String(offset),
  key: null,
  value: Buffer.from('{}'),
  timestamp: '0',
  attributes: 0,
  headers: {},
});

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

/** A listening transport over a fake kafkajs consumer whose only topic, `work`, runs `handle`. */
async function listening(handle: (offset: string) => Promise<void>) {
  const { kafka, captured } = fakeKafka();
  const transport = new KafkaBatchTransport({ kafka, groupId: 'g', publisher: {} as KafkaPublisher });
  transport.addHandler('work', (_payload: unknown, ctx: { message: KafkaMessage }) => handle(ctx.message.offset), true);
  await new Promise<void>((resolve, reject) => void transport.listen((err?: unknown) => (err ? reject(err) : resolve())));
  return captured;
}

/** The batch run's end: 'returned', or what it threw. */
const settled = (run: Promise<void>) =>
  run.then(
    () => 'returned',
    (err: unknown) => err,
  );

const rebalancing = Object.assign(new Error('The group is rebalancing, so a rejoin is needed'), { type: 'REBALANCE_IN_PROGRESS' });

describe('KafkaBatchTransport during a rebalance', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function started() {
    const handled: string[] = [];
    let finish: (() => void) | undefined;
    const captured = await listening(async (offset) => {
      handled.push(offset);
      if (offset === '1') await new Promise<void>((r) => (finish = r)); // a long chunk
    });
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
    const outcome = settled(run);
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

const dropped = Object.assign(new Error('The coordinator is not aware of this member'), { type: 'UNKNOWN_MEMBER_ID' });

describe('KafkaBatchTransport fencing a write of a member the group dropped', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** A transport whose handler works a long chunk, then writes (confirmDelivery, then the write). */
  async function started() {
    const written: string[] = [];
    const gates: Array<() => void> = [];
    const captured = await listening(async (offset) => {
      await new Promise<void>((r) => gates.push(r)); // reads and decisions take a while
      await confirmDelivery();
      written.push(offset);
    });
    return { captured, written, finishChunk: () => gates.shift()?.() };
  }

  it('writes nothing, commits nothing and rejoins when the group dropped it during the chunk', async () => {
    const { captured, written, finishChunk } = await started();
    const { payload, resolved } = batchPayload([1, 2], async () => {
      throw dropped; // every heartbeat from now on: the group has moved on without this member
    });
    const outcome = settled(captured.eachBatch!(payload));
    await jest.advanceTimersByTimeAsync(0);
    finishChunk();
    await jest.advanceTimersByTimeAsync(0);
    expect(await outcome).toBe(dropped); // kafkajs rejoins on it
    expect(written).toEqual([]); // the partition's next owner does the write
    expect(resolved).toEqual([]); // and gets the message again: it was not committed
  });

  it('still writes while a rebalance is merely in progress (the group waits for it to rejoin)', async () => {
    const { captured, written, finishChunk } = await started();
    const { payload, resolved } = batchPayload([1, 2], async () => {
      throw rebalancing;
    });
    const outcome = settled(captured.eachBatch!(payload));
    await jest.advanceTimersByTimeAsync(0);
    finishChunk();
    await jest.advanceTimersByTimeAsync(0);
    expect(await outcome).toBe(rebalancing);
    expect(written).toEqual(['1']);
    expect(resolved).toEqual(['1']); // finished and committed; message 2 is left for after the rejoin
  });

  it('does nothing outside a Kafka delivery (an HTTP request, a test)', async () => {
    await expect(confirmDelivery()).resolves.toBeUndefined();
  });
});
