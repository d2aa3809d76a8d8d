import { INestApplication } from '@nestjs/common';
import { MongoClient } from 'mongodb';
import { Producer } from 'kafkajs';
import { ChunkResult, dlqTopic, TOPICS, WorkChunk } from '@cohort/contracts';
import { eventually, plainProducer, startService, TopicRecorder, uniqueTenant } from '@cohort/testing';
import { IdentityModule } from '../../apps/identity/src/identity.module';

/**
 * The walking skeleton through real parts: a plain kafkajs producer (as another internal service
 * would) publishes a work chunk; the identity service consumes it from the real broker, writes with
 * mongoose to the real store, and publishes per-person outcomes.
 */
describe('walking skeleton: Kafka → identity → MongoDB → results', () => {
  const tenant = uniqueTenant('skeleton');
  const other = uniqueTenant('other');
  let identity: INestApplication;
  let mongo: MongoClient;
  let producer: Producer;
  let recorder: TopicRecorder;
  const people = () => mongo.db(`${process.env.MONGO_DB_PREFIX}_identity`).collection<{ _id: string; language: string; v: number }>('people');

  const person = (tenantId: string, userId: string, language: string) => ({
    _id: `${tenantId}:${userId}`,
    tenantId,
    userId,
    email: `${userId}@${tenantId}.test`,
    name: userId,
    search: userId,
    status: 'active',
    role: 'Learner',
    permissions: [],
    language,
    labels: [],
    specialisms: [],
    ops: [],
    v: 1,
  });
  const work = (jobId: string, userIds: string[]): WorkChunk => ({
    jobId,
    step: 0,
    chunk: 0,
    attempt: 1,
    tenantId: tenant,
    action: 'change-language',
    params: { language: 'nl' },
    userIds,
  });
  const send = (value: unknown) =>
    producer.send({ topic: TOPICS.identityWork, messages: [{ key: tenant, value: typeof value === 'string' ? value : JSON.stringify(value) }] });

  beforeAll(async () => {
    mongo = await MongoClient.connect(process.env.MONGO_URL!);
    await people().insertMany([person(tenant, 'ann', 'en'), person(tenant, 'bob', 'de'), person(tenant, 'cem', 'nl'), person(other, 'dan', 'en')]);
    recorder = await new TopicRecorder([TOPICS.results, dlqTopic(TOPICS.identityWork)]).start();
    identity = await startService(IdentityModule);
    producer = await plainProducer();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await identity?.close();
    await mongo?.close();
  });

  it('changes each person once and reports succeeded, skipped and not-found per person', async () => {
    await send(work('job-a', ['ann', 'bob', 'cem', 'dan']));
    const [result] = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === 'job-a');
    expect(result.service).toBe('identity');
    expect(result.outcomes).toEqual([
      { userId: 'ann', status: 'succeeded', before: 'en' },
      { userId: 'bob', status: 'succeeded', before: 'de' },
      { userId: 'cem', status: 'skipped', code: 'IDENTITY.UNCHANGED', message: 'language is already nl' },
      { userId: 'dan', status: 'failed', code: 'IDENTITY.NOT_FOUND', message: 'person not found', retryable: false },
    ]);
    const ids = [`${tenant}:ann`, `${tenant}:bob`, `${tenant}:cem`, `${other}:dan`];
    const docs = await Promise.all(ids.map((_id) => people().findOne({ _id })));
    expect(docs.map((d) => [d?._id, d?.language, d?.v])).toEqual([
      [`${tenant}:ann`, 'nl', 2],
      [`${tenant}:bob`, 'nl', 2],
      [`${tenant}:cem`, 'nl', 1],
      [`${other}:dan`, 'en', 1], // another tenant's person is never touched
    ]);
  });

  it('a redelivered chunk writes nothing and reports the same outcomes', async () => {
    await send(work('job-a', ['ann', 'bob', 'cem', 'dan']));
    const results = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === 'job-a', 2);
    expect(results[1].outcomes).toEqual(results[0].outcomes);
    const ann = await people().findOne({ _id: `${tenant}:ann` });
    expect(ann).toMatchObject({ language: 'nl', v: 2 });
  });

  it('a malformed message goes to the dead-letter topic with the reason, and the partition moves on', async () => {
    await send('{not json');
    await send({ ...work('job-b', ['ann']), userIds: 'ann' });
    await send(work('job-c', ['ann']));
    const dead = await recorder.waitFor<unknown>(dlqTopic(TOPICS.identityWork), () => true, 2);
    expect(dead).toHaveLength(2);
    const reasons = recorder.messages.filter((m) => m.topic === dlqTopic(TOPICS.identityWork)).map((m) => m.message.headers?.['x-error']?.toString());
    expect(reasons[0]).toMatch(/not JSON/);
    expect(reasons[1]).toMatch(/^userIds: /);
    const [after] = await recorder.waitFor<ChunkResult>(TOPICS.results, (r) => r.jobId === 'job-c');
    expect(after.outcomes).toEqual([{ userId: 'ann', status: 'skipped', code: 'IDENTITY.UNCHANGED', message: 'language is already nl' }]);
    await eventually(async () => (await people().findOne({ _id: `${tenant}:ann` }))?.v === 2, 5000, 'no extra write');
  });
});
