import fc from 'fast-check';
import { Producer } from 'kafkajs';
import { ACTION_IDS, dlqTopic, JobEvent, TOPICS } from '@cohort/contracts';
import { eventually, plainProducer, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { CohortSystem, personDoc, startSystem } from '../support/system';

const MESSAGES = 1000;

/**
 * Property-based fuzzing of the command topic on the real system: 1,000 generated messages — broken
 * JSON, arbitrary JSON, and near-valid commands with wrong types, unknown actions or tenants, a missing
 * actor, oversized selections — published where other services publish. Every one is answered exactly
 * once (a dead-letter entry with its reason, keyed as it was sent, and a `rejected` event when it had a
 * command id; or, when it happened to be valid, an `accepted` job), no consumer dies, and the partition
 * moves on: a valid command published after them completes.
 */
describe('fuzz: the command topic answers every generated message and keeps consuming', () => {
  const run = `fz${Date.now().toString(36)}`;
  const tenant = uniqueTenant('fuzzcmd');
  /** the tenant of the valid command at the end: the fuzz never names it */
  const calm = uniqueTenant('fuzzcalm');
  let system: CohortSystem;
  let producer: Producer;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    recorder = await new TopicRecorder([TOPICS.events, dlqTopic(TOPICS.commands)]).start();
    system = await startSystem();
    producer = await plainProducer();
    await system
      .db('identity')
      .collection('people')
      .insertMany([
        personDoc(tenant, 'owner', { role: 'Owner' }),
        personDoc(tenant, 'learner', { role: 'Learner' }),
        personDoc(tenant, 'p0'),
        personDoc(calm, 'owner', { role: 'Owner' }),
        personDoc(calm, 'p0'),
      ] as never[]);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await system?.stop();
  });

  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', ' ', 'null', '{"$gt":""}', '🙂', 'x'.repeat(200)));
  const nearValid = (commandId: string) =>
    fc
      .record(
        {
          tenantId: fc.oneof(fc.constant(tenant), fc.constant('no-such-tenant'), text, fc.integer()),
          actor: fc.oneof(
            fc.constant({ userId: 'owner' }),
            fc.constant({ userId: 'learner' }),
            fc.constant({ userId: 'nobody' }),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          action: fc.oneof(fc.constantFrom(...ACTION_IDS), text, fc.integer()),
          params: fc.oneof(
            fc.dictionary(fc.constantFrom('language', 'role', 'groupIds', 'courseIds', 'x'), fc.jsonValue({ maxDepth: 2 })),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          selection: fc.oneof(
            fc.record({ userIds: fc.array(fc.oneof(text, fc.constant('p0')), { maxLength: 5 }) }),
            fc.constant({ userIds: Array.from({ length: 10_001 }, (_, i) => `u${i}`) }), // over the limit
            fc.record({ filter: fc.dictionary(fc.constantFrom('roles', 'q', 'x'), fc.jsonValue({ maxDepth: 1 })) }),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          options: fc.dictionary(fc.constantFrom('chunkSize', 'dryRun', 'approvalCount', 'x'), fc.jsonValue({ maxDepth: 1 })),
        },
        { requiredKeys: [] },
      )
      .map((command) => JSON.stringify({ commandId, ...command }));
  const message = (i: number) =>
    fc.oneof(
      { arbitrary: nearValid(`${run}-${i}`), weight: 5 },
      { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 2 },
      { arbitrary: fc.string({ maxLength: 100 }), weight: 2 },
      { arbitrary: fc.constantFrom('{', '{"commandId":', '\u0000\u0001', '[1,2', '"only a string"'), weight: 1 },
    );

  it(`answers each of ${MESSAGES} generated messages exactly once, then runs a valid command`, async () => {
    const values = Array.from(
      { length: MESSAGES },
      (_, i) => fc.sample(message(i), { numRuns: 1, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) + i })[0],
    );
    for (let i = 0; i < MESSAGES; i += 100) {
      await producer.send({
        topic: TOPICS.commands,
        messages: values.slice(i, i + 100).map((value, j) => ({ key: `${run}-${i + j}`, value })),
      });
    }

    const answered = () => {
      const keys = new Map<string, string[]>();
      const note = (key: string | undefined, how: string) => {
        if (!key?.startsWith(`${run}-`)) return;
        keys.set(key, [...(keys.get(key) ?? []), how]);
      };
      for (const m of recorder.messages) {
        if (m.topic === dlqTopic(TOPICS.commands)) note(m.message.key?.toString(), 'dlq');
        if (m.topic === TOPICS.events) {
          const e = m.body as JobEvent;
          if (e.type === 'accepted') note(e.commandId, 'accepted');
        }
      }
      return keys;
    };
    await eventually(async () => answered().size === MESSAGES, 180_000, `all ${MESSAGES} fuzzed commands to be answered`);
    const outcomes = answered();
    // exactly once each: one dead-letter entry, or one accepted job
    const twice = [...outcomes].filter(([, how]) => how.length !== 1);
    expect(twice).toEqual([]);
    // every dead-lettered message says why
    const deadLetters = recorder.messages.filter((m) => m.topic === dlqTopic(TOPICS.commands) && m.message.key?.toString().startsWith(`${run}-`));
    expect(deadLetters.every((m) => (m.message.headers?.['x-error']?.toString() ?? '').length > 0)).toBe(true);
    // a command that carried its id got a rejected event with a reason code
    const rejected = recorder.messages
      .map((m) => m.body as JobEvent)
      .filter((e): e is Extract<JobEvent, { type: 'rejected' }> => e?.type === 'rejected' && (e.commandId ?? '').startsWith(`${run}-`));
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((e) => typeof e.reason.code === 'string' && e.reason.code.length > 0)).toBe(true);
    process.stdout.write(
      `\n[fuzz-commands] ${MESSAGES} messages: ${deadLetters.length} dead-lettered, ${rejected.length} rejected events, ${[...outcomes.values()].filter((h) => h[0] === 'accepted').length} accepted\n`,
    );

    // the consumers are alive and the partitions move on
    const valid = {
      commandId: `${run}-valid`,
      tenantId: calm,
      actor: { userId: 'owner' },
      action: 'change-language',
      params: { language: 'fi' },
      selection: { userIds: ['p0'] },
    };
    await producer.send({ topic: TOPICS.commands, messages: [{ key: calm, value: JSON.stringify(valid) }] });
    const [accepted] = await recorder.waitFor<JobEvent>(TOPICS.events, (e) => e.type === 'accepted' && e.commandId === valid.commandId, 1, 60_000);
    await recorder.waitFor<JobEvent>(TOPICS.events, (e) => e.type === 'completed' && e.jobId === (accepted as { jobId: string }).jobId, 1, 60_000);
    expect(
      (
        await system
          .db('identity')
          .collection('people')
          .findOne({ _id: `${calm}:p0` } as never)
      )?.language,
    ).toBe('fi');
  });
});
