import { AddressInfo, createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ItemView, JobView } from '@cohort/contracts';
import { eventually, uniqueTenant } from '@cohort/testing';
import { issueToken } from '../../apps/identity/src/tokens/secrets';
import { CohortSystem, getJson, personDoc, postJson, startSystem } from '../support/system';
import { mailTo } from '../support/maildev';

/** A port nobody listens on right now (it stays closed until the relay opens it). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real SMTP server (smtp-server) on `port` that refuses one mailbox for good at RCPT TO, with a
 * 550 reply as a mail server that does not know a user gives it, and accepts every other recipient.
 */
function refusingServer(port: number, refused: string): Promise<{ accepted: string[]; close: () => Promise<void> }> {
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === refused) {
        return callback(Object.assign(new Error(`5.1.1 <${refused}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      stream.on('end', () => {
        accepted.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
      stream.resume();
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ accepted, close: () => new Promise<void>((done) => server.close(() => done())) }));
  });
}

/**
 * SMTP failures on real parts (orchestrator, identity, communications, Kafka, the store, MailDev):
 * (a) with the SMTP server unreachable the e-mail step is retried, then the person fails
 * SMTP_UNAVAILABLE after the engine's attempts, and the message is not recorded as sent; (b) a mailbox
 * the server refuses for good (550) fails the person MAIL_REFUSED with the server's reply, at once,
 * without retries; (c) a stored address that is not one plain address is refused before sending.
 * Communications is started once against SMTP_URL = a local port: closed for (a), a real SMTP server
 * that refuses one mailbox for (b) and (c) (its config is read once per process).
 */
describe('SMTP failures: unreachable is retried then failed; a refusal fails at once with the reason', () => {
  let system: CohortSystem;
  let smtpPort: number;
  const savedEnv = { ...process.env };
  const outbox = () => system.db('communications').collection('outbox');

  /** A tenant with an Owner and invited people (identity holds their invitation token's hash). */
  async function invitees(
    label: string,
    people: Record<string, Record<string, unknown>>,
    more: (tenant: string) => Record<string, Record<string, unknown>> = () => ({}),
  ): Promise<string> {
    const tenant = uniqueTenant(label);
    const extra = more(tenant);
    const invited = (userId: string) => ({
      status: 'invited',
      invitation: { sentCount: 1, sentAt: new Date('2025-01-01'), tokenHash: issueToken(tenant, userId).hash, cancelledAt: null },
    });
    await system
      .db('identity')
      .collection('people')
      .insertMany([
        personDoc(tenant, 'owner', { role: 'Owner' }),
        ...Object.entries(people).map(([userId, fields]) => personDoc(tenant, userId, { ...invited(userId), ...fields, ...extra[userId] })),
      ] as never[]);
    return tenant;
  }

  /** Runs resend-invitation through the orchestrator's jobs API until the job ends; its people by id. */
  async function resend(tenant: string, userIds: string[]): Promise<{ jobId: string; items: Map<string, ItemView> }> {
    const res = await postJson<{ id: string }>(system.jobsUrl(tenant), {
      actorId: 'owner',
      action: 'resend-invitation',
      params: {},
      selection: { userIds },
    });
    expect(res.status).toBe(202);
    const jobId = res.body.id;
    const ended = (s: string) => s === 'completed' || s === 'failed';
    await eventually(async () => ended((await getJson<JobView>(`${system.jobsUrl(tenant)}/${jobId}`)).body.status), 60_000, `job ${jobId} to end`);
    const items = await getJson<{ items: ItemView[] }>(`${system.jobsUrl(tenant)}/${jobId}/items`);
    return { jobId, items: new Map(items.body.items.map((i) => [i.userId, i])) };
  }

  beforeAll(async () => {
    smtpPort = await closedPort();
    system = await startSystem({
      env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, ORCH_MAX_ATTEMPTS: '3', ORCH_RETRY_BASE_MS: '200', ORCH_RETRY_MAX_MS: '500' },
    });
    await system.startParticipant('communications');
  });

  afterAll(async () => {
    await system?.stop();
    // the env is process-wide and later integration files start their own systems: put every key back
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  });

  it('(a) SMTP unreachable: the e-mail step is retried, then the person fails SMTP_UNAVAILABLE after 3 attempts; nothing is sent', async () => {
    const tenant = await invitees('smtpdown', { ivy: { name: 'Ivy' } });
    const { jobId, items } = await resend(tenant, ['ivy']);

    expect(items.get('ivy')).toMatchObject({
      status: 'failed',
      step: 'send-invitation',
      code: 'COMMUNICATIONS.SMTP_UNAVAILABLE',
      message: expect.stringContaining('ECONNREFUSED'),
      attempts: 3,
    });
    const stored = await outbox().findOne({ _id: `${tenant}:${jobId}:1:ivy` as never });
    expect(stored).toMatchObject({
      kind: 'invitation',
      status: 'pending',
      attempts: 3,
      sentAt: null,
      error: expect.stringContaining('ECONNREFUSED'),
    });
    expect(await mailTo(`ivy@${tenant}.test`)).toHaveLength(0);
  });

  it('(b) a mailbox the server refuses for good fails MAIL_REFUSED with its reply, without a retry; the others are sent', async () => {
    const tenantHint = uniqueTenant('refused');
    const smtp = await refusingServer(smtpPort, `rex@${tenantHint}.test`);
    try {
      const tenant = await invitees('refused', { rex: { name: 'Rex' }, ann: { name: 'Ann' } }, (t) => ({
        rex: { email: `rex@${tenantHint}.test` },
        ann: { email: `ann@${t}.test` },
      }));
      const { jobId, items } = await resend(tenant, ['rex', 'ann']);
      const reply = expect.stringMatching(/^SMTP: 550 5\.1\.1 <rex@.*>: Recipient address rejected: User unknown/);
      expect(items.get('rex')).toMatchObject({
        status: 'failed',
        step: 'send-invitation',
        code: 'COMMUNICATIONS.MAIL_REFUSED',
        message: reply,
        attempts: 1,
      });
      expect(items.get('ann')).toMatchObject({ status: 'succeeded', step: 'send-invitation', attempts: 1 });
      expect(await outbox().findOne({ _id: `${tenant}:${jobId}:1:rex` as never })).toMatchObject({ status: 'failed', attempts: 1, error: reply });
      expect(smtp.accepted).toEqual([`ann@${tenant}.test`]);
    } finally {
      await smtp.close();
    }
  });

  it('(c) a stored address that is not one plain address is refused before sending (nodemailer would rewrite it into another mailbox)', async () => {
    const smtp = await refusingServer(smtpPort, 'nobody@example.test');
    try {
      const tenant = await invitees('malformed', { rex: { name: 'Rex' } }, (t) => ({ rex: { email: `no body@${t}.test` } }));
      const { items } = await resend(tenant, ['rex']);
      expect(items.get('rex')).toMatchObject({
        status: 'failed',
        code: 'COMMUNICATIONS.MAIL_REFUSED',
        message: expect.stringContaining('not a plain e-mail address'),
        attempts: 1,
      });
      expect(smtp.accepted).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});
