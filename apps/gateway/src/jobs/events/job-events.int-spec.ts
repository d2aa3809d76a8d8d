import { INestApplication } from '@nestjs/common';
import { get as httpGet, IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { Producer } from 'kafkajs';
import { signToken } from '@cohort/auth';
import { JobEvent, topicsFor } from '@cohort/contracts';
import { eventually, plainProducer, startService, uniqueTenant } from '@cohort/testing';
import { FakeAccounts } from '../../testing/fake-accounts';
import { FakeUpstream } from '../../testing/fake-upstream';
import { JobEventsConsumer } from './job-events.consumer';

/**
 * The gateway's one events consumer on the real broker: job events published to
 * cohort.batch.events.v1 by anyone reach the SSE stream of their job. (The orchestrator and identity
 * are fake HTTP services here; the end-to-end test runs the real ones.)
 */
describe('job events from Kafka to SSE', () => {
  const tenant = uniqueTenant('sse');
  const jobId = `job-${tenant}`;
  const orchestrator = new FakeUpstream();
  const accounts = new FakeAccounts();
  const identity = new FakeUpstream(accounts);
  const owner = { sub: 'u-owner', tid: tenant, role: 'Owner' as const, email: `owner@${tenant}.test` };
  const counts = { pending: 1, running: 0, succeeded: 1, skipped: 0, failed: 0, cancelled: 0 };
  const at = () => new Date().toISOString();
  let gateway: INestApplication;
  let producer: Producer;

  const publish = (event: JobEvent) =>
    producer.send({ topic: topicsFor(process.env.KAFKA_TOPIC_PREFIX).events, messages: [{ key: jobId, value: JSON.stringify(event) }] });

  beforeAll(async () => {
    process.env.ORCHESTRATOR_URL = await orchestrator.start();
    process.env.IDENTITY_URL = await identity.start();
    accounts.store(owner);
    orchestrator.reply('GET', `/internal/tenants/${tenant}/jobs/${jobId}`, 200, { id: jobId, tenantId: tenant, status: 'running' });
    const { GatewayModule } = await import('../../gateway.module');
    gateway = await startService(GatewayModule);
    producer = await plainProducer();
    await eventually(async () => gateway.get(JobEventsConsumer).running, 60000, 'the events consumer to join');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await gateway?.close();
    await orchestrator.stop();
    await identity.stop();
  });

  it('streams the snapshot, then the job’s events from the topic, and ends after completed', async () => {
    const { port } = gateway.getHttpServer().address() as AddressInfo;
    const token = signToken(owner);
    const res = await new Promise<IncomingMessage>((resolve) =>
      httpGet({ host: '127.0.0.1', port, path: `/v1/batch-jobs/${jobId}/events`, headers: { authorization: `Bearer ${token}` } }, resolve),
    );
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    const ended = new Promise((resolve) => res.on('end', resolve));

    // the consumer starts at the newest offset once assigned: publish progress until one arrives
    let n = 0;
    await eventually(
      async () => {
        await publish({
          type: 'progress',
          eventId: `p-${n++}`,
          at: at(),
          jobId,
          tenantId: tenant,
          counts,
          total: 2,
          ratePerSecond: 1,
          etaSeconds: 1,
        });
        return text.includes('event: progress');
      },
      30000,
      'a progress event on the stream',
    );
    await publish({ type: 'completed', eventId: 'done', at: at(), jobId, tenantId: tenant, counts, total: 2, finishedAt: at() });
    await ended;

    expect(text.startsWith(`id: snapshot-${jobId}\nevent: snapshot\n`)).toBe(true);
    expect(text).toMatch(/event: completed\ndata: \{"type":"completed"/);
  });
});
